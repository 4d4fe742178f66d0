package dev.berth.dockerfile.shellcheck;

import dev.berth.diagnostic.SourceRange;
import java.util.Objects;

/**
 * One ShellCheck comment mapped back to the Dockerfile.
 *
 * @param rule    {@code SC} and the code, {@code SC2086}
 * @param level   ShellCheck's level
 * @param range   where in the Dockerfile
 * @param message ShellCheck's message, as it wrote it
 * @param runLine the first line of the RUN it is in, where pragmas before the instruction apply
 */
public record ShellCheckFinding(String rule, Level level, SourceRange range, String message, int runLine) {

    public ShellCheckFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(message, "message");
    }

    /** ShellCheck's four levels, most severe first. */
    public enum Level {
        ERROR,
        WARNING,
        INFO,
        STYLE
    }

    /** ShellCheck's wiki page for the rule. */
    public String wikiUri() {
        return "https://www.shellcheck.net/wiki/" + rule;
    }
}
