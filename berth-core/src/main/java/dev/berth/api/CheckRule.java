package dev.berth.api;

import java.util.List;
import java.util.Objects;

/**
 * One rule {@code berth check} applies, for {@code --explain} and SARIF's {@code tool.driver.rules}.
 *
 * @param id          BuildKit's check name, or Berth's for the best-practice rules
 * @param aliases     hadolint's ids for the same rule
 * @param level       the level of its findings, before {@code # check=error=true}
 * @param title       what the rule wants, one line
 * @param fix         how to satisfy it, one line
 * @param explanation why, a paragraph (BuildKit's rules point at Docker's page instead)
 * @param helpUri     the page about the rule
 */
public record CheckRule(String id, List<String> aliases, CheckLevel level, String title, String fix,
        String explanation, String helpUri) {

    public CheckRule {
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(helpUri, "helpUri");
    }

    /** Whether {@code name} is the id or an alias, ignoring case. */
    public boolean isNamed(String name) {
        return id.equalsIgnoreCase(name) || aliases.stream().anyMatch(name::equalsIgnoreCase);
    }
}
