package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@code # check=skip=A,B;error=true} directive (or the {@code BUILDKIT_DOCKERFILE_CHECK}
 * build arg, which overrides it) asks: rules to skip ({@code all} skips every rule) and whether
 * warnings count as errors. Unknown keys and rule names are ignored, as BuildKit does.
 */
public record CheckPolicy(Set<String> skipped, boolean warningsAreErrors) {

    static final CheckPolicy DEFAULT = new CheckPolicy(Set.of(), false);

    public CheckPolicy {
        skipped = Set.copyOf(skipped);
    }

    static CheckPolicy parse(String value) {
        Set<String> skipped = new HashSet<>();
        boolean error = false;
        for (String part : value.split(";")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String setting = part.substring(equals + 1).strip();
            if (key.equals("skip")) {
                for (String rule : setting.split(",")) {
                    skipped.add(rule.strip().toLowerCase(Locale.ROOT));
                }
            } else if (key.equals("error")) {
                error = Boolean.parseBoolean(setting);
            }
        }
        return new CheckPolicy(skipped, error);
    }

    /** Whether the policy skips a rule known by any of {@code names} (its id and aliases). */
    public boolean skips(java.util.Collection<String> names) {
        return skipped.contains("all") || names.stream().anyMatch(name -> skipped.contains(name.toLowerCase(Locale.ROOT)));
    }

    /** The finding as reported: empty when its rule is skipped, an error when warnings are errors. */
    Optional<Finding> apply(Finding finding) {
        if (finding.rule().isEmpty()) {
            return Optional.of(finding);
        }
        Rule rule = finding.rule().get();
        if (skips(java.util.stream.Stream.concat(java.util.stream.Stream.of(rule.checkName()),
                rule.hadolintIds().stream()).toList())) {
            return Optional.empty();
        }
        Diagnostic diagnostic = finding.diagnostic();
        return Optional.of(warningsAreErrors
                ? new Finding(finding.rule(), new Diagnostic(Severity.ERROR, diagnostic.file(), diagnostic.range(),
                        diagnostic.message(), diagnostic.hint()))
                : finding);
    }

    /** The directive's policy, or {@code override} (the BUILDKIT_DOCKERFILE_CHECK build arg) when given. */
    public static CheckPolicy from(List<dev.berth.dockerfile.syntax.Directive> directives, Optional<String> override) {
        return override.or(() -> directives.stream()
                        .filter(directive -> directive.name().equalsIgnoreCase("check"))
                        .map(dev.berth.dockerfile.syntax.Directive::value)
                        .findFirst())
                .map(CheckPolicy::parse)
                .orElse(DEFAULT);
    }
}
