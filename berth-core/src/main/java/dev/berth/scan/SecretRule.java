package dev.berth.scan;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of secret a scan looks for: credentials with a recognizable shape anywhere (private keys, AWS access
 * key ids, npm, GitHub and Slack tokens), and any non-trivial value of a variable NAMED like a secret
 * ({@code *_TOKEN}, {@code *PASSWORD}, {@code *_SECRET}...), which is how build args and ENV leak.
 */
public enum SecretRule {
    PRIVATE_KEY(AdvisorySeverity.CRITICAL, List.of("PRIVATE KEY-----"),
            "-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"),
    AWS_ACCESS_KEY_ID(AdvisorySeverity.HIGH, List.of("AKIA", "ASIA"), "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
    NPM_TOKEN(AdvisorySeverity.HIGH, List.of("npm_"), "\\bnpm_[A-Za-z0-9]{36}\\b"),
    GITHUB_TOKEN(AdvisorySeverity.HIGH, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), "\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
    SLACK_TOKEN(AdvisorySeverity.HIGH, List.of("xox"), "\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    SECRET_NAMED_VARIABLE(AdvisorySeverity.MEDIUM, List.of(), "");

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(?:^|_)(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)"
            + "(?:_|$)|(?i)^(?:[A-Z0-9]+_)?(?:SECRET|PASSWORD|TOKEN)[A-Z0-9]*$");

    private final AdvisorySeverity severity;
    /** Plain substrings one of which every match contains: a cheap test before the regular expression runs. */
    private final List<String> markers;
    private final Pattern pattern;

    SecretRule(AdvisorySeverity severity, List<String> markers, String pattern) {
        this.severity = severity;
        this.markers = markers;
        this.pattern = pattern.isEmpty() ? null : Pattern.compile(pattern);
    }

    public AdvisorySeverity severity() {
        return severity;
    }

    /** A shaped secret in {@code text}: the rule and the matched text, first match of the first rule. */
    static Optional<Match> shaped(String text) {
        for (SecretRule rule : values()) {
            if (rule.pattern == null || rule.markers.stream().noneMatch(text::contains)) {
                continue;
            }
            Matcher matcher = rule.pattern.matcher(text);
            if (matcher.find()) {
                return Optional.of(new Match(rule, matcher.group()));
            }
        }
        return Optional.empty();
    }

    /** A {@code NAME=VALUE} pair that leaks: a shaped value, or a secret-looking name with a real value. */
    static Optional<Match> assignment(String name, String value) {
        Optional<Match> shaped = shaped(value);
        if (shaped.isPresent()) {
            return shaped;
        }
        if (SECRET_NAME.matcher(name).find() && value.length() >= 6 && !value.startsWith("$")
                && !List.of("changeme", "password", "example", "dummy", "secret").contains(value.toLowerCase())) {
            return Optional.of(new Match(SECRET_NAMED_VARIABLE, value));
        }
        return Optional.empty();
    }

    /** What matched; {@link #redacted} is all a report shows of it. */
    record Match(SecretRule rule, String text) {
        String redacted() {
            if (rule == PRIVATE_KEY) {
                return text;
            }
            int shown = Math.min(4, text.length() / 4);
            return text.substring(0, shown) + "********";
        }
    }
}
