package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.ShellOrExec;
import dev.berth.dockerfile.instruction.Stage;
import dev.berth.dockerfile.instruction.WordLocator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need no variable values: keyword casing, stage names, deprecated and repeated
 * instructions, shell-form CMD and ENTRYPOINT.
 */
final class StyleLinter {

    private final String file;
    private final WordLocator locator;

    StyleLinter(String file, WordLocator locator) {
        this.file = file;
        this.locator = locator;
    }

    List<Finding> lint(Dockerfile dockerfile) {
        List<Finding> findings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Stage stage : dockerfile.stages()) {
            stageName(stage, names, findings);
            Map<String, List<Location>> repeated = new LinkedHashMap<>();
            for (Instruction instruction : stage.instructions()) {
                switch (instruction) {
                    case Instruction.Maintainer maintainer -> findings.add(warn(Rule.MAINTAINER_DEPRECATED,
                            locator.keywordRange(maintainer.location()),
                            "Maintainer instruction is deprecated in favor of using label"));
                    case Instruction.Cmd cmd -> {
                        shellForm(cmd.location(), cmd.command(), findings);
                        repeated.computeIfAbsent("CMD", key -> new ArrayList<>()).add(cmd.location());
                    }
                    case Instruction.Entrypoint entrypoint -> {
                        shellForm(entrypoint.location(), entrypoint.command(), findings);
                        repeated.computeIfAbsent("ENTRYPOINT", key -> new ArrayList<>()).add(entrypoint.location());
                    }
                    case Instruction.Healthcheck healthcheck ->
                            repeated.computeIfAbsent("HEALTHCHECK", key -> new ArrayList<>()).add(healthcheck.location());
                    default -> { }
                }
            }
            repeated.forEach((keyword, locations) -> {
                // BuildKit flags every occurrence but the last, which is the one that takes effect.
                for (Location location : locations.subList(0, locations.size() - 1)) {
                    findings.add(warn(Rule.MULTIPLE_INSTRUCTIONS_DISALLOWED, locator.keywordRange(location),
                            "Multiple " + keyword + " instructions should not be used in the same stage because"
                                    + " only the last one will be used"));
                }
            });
        }
        return findings;
    }

    private void stageName(Stage stage, Set<String> names, List<Finding> findings) {
        Location location = stage.from().location();
        stage.from().stageName().ifPresent(written -> {
            String[] words = location.original().strip().split("\\s+");
            String from = words[0];
            String as = words.length >= 2 ? words[words.length - 2] : "";
            boolean fromUpper = from.equals(from.toUpperCase(Locale.ROOT));
            boolean fromLower = from.equals(from.toLowerCase(Locale.ROOT));
            boolean asUpper = as.equals(as.toUpperCase(Locale.ROOT));
            boolean asLower = as.equals(as.toLowerCase(Locale.ROOT));
            if ((fromUpper && !asUpper) || (fromLower && !asLower)) {
                findings.add(warn(Rule.FROM_AS_CASING, locator.range(location, as),
                        "'" + as + "' and '" + from + "' keywords' casing do not match"));
            }
            if (!written.equals(written.toLowerCase(Locale.ROOT))) {
                findings.add(warn(Rule.STAGE_NAME_CASING, locator.range(location, written),
                        "Stage name '" + written + "' should be lowercase"));
            }
            if (!names.add(written.toLowerCase(Locale.ROOT))) {
                findings.add(warn(Rule.DUPLICATE_STAGE_NAME, locator.range(location, written),
                        "Duplicate stage name \"" + written.toLowerCase(Locale.ROOT)
                                + "\", stage names should be unique"));
            }
        });
    }

    private void shellForm(Location location, ShellOrExec command, List<Finding> findings) {
        if (command instanceof ShellOrExec.ShellForm) {
            String keyword = WordLocator.keyword(location).toUpperCase(Locale.ROOT);
            findings.add(warn(Rule.JSON_ARGS_RECOMMENDED, locator.keywordRange(location),
                    "JSON arguments recommended for " + keyword
                            + " to prevent unintended behavior related to OS signals"));
        }
    }

    private Finding warn(Rule rule, SourceRange range, String message) {
        return Finding.warning(rule, Diagnostic.warning(file, range, rule.checkName() + ": " + message)
                .withHint("see " + rule.url()));
    }
}
