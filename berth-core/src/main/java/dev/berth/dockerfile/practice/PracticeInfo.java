package dev.berth.dockerfile.practice;

import java.util.List;
import java.util.Objects;

/**
 * What a rule is, for {@code --explain} and SARIF's {@code tool.driver.rules}.
 *
 * @param id          the name {@code # check=skip=} and {@code --explain} take
 * @param aliases     hadolint's ids for the same rule, accepted wherever the id is
 * @param title       one line saying what the rule wants
 * @param fix         one line saying how to satisfy it
 * @param explanation why it matters, a paragraph
 */
public record PracticeInfo(String id, List<String> aliases, PracticeLevel level, String title, String fix,
        String explanation) {

    public PracticeInfo {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Whether {@code name} is this rule's id or one of its aliases, ignoring case. */
    public boolean isNamed(String name) {
        return id.equalsIgnoreCase(name) || aliases.stream().anyMatch(name::equalsIgnoreCase);
    }

    /**
     * A public page about the rule: hadolint's for the rules it shares, Docker's best-practices guide otherwise
     * (Berth has no web site; docs/check.md describes every rule).
     */
    public String helpUri() {
        return aliases.isEmpty() ? "https://docs.docker.com/build/building/best-practices/"
                : "https://github.com/hadolint/hadolint/wiki/" + aliases.getFirst();
    }
}
