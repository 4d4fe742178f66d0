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
record CheckPolicy(Set<String> skipped, boolean warningsAreErrors) {

    static final CheckPolicy DEFAULT = new CheckPolicy(Set.of(), false);

    CheckPolicy {
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

    /** The finding as reported: empty when its rule is skipped, an error when warnings are errors. */
    Optional<Diagnostic> apply(Finding finding) {
        if (finding.rule().isEmpty()) {
            return Optional.of(finding.diagnostic());
        }
        Rule rule = finding.rule().get();
        if (skipped.contains("all") || skipped.contains(rule.checkName().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Diagnostic diagnostic = finding.diagnostic();
        return Optional.of(warningsAreErrors
                ? new Diagnostic(Severity.ERROR, diagnostic.file(), diagnostic.range(), diagnostic.message(),
                        diagnostic.hint())
                : diagnostic);
    }

    static CheckPolicy from(List<dev.berth.dockerfile.syntax.Directive> directives, Optional<String> override) {
        return override.or(() -> directives.stream()
                        .filter(directive -> directive.name().equalsIgnoreCase("check"))
                        .map(dev.berth.dockerfile.syntax.Directive::value)
                        .findFirst())
                .map(CheckPolicy::parse)
                .orElse(DEFAULT);
    }
}
