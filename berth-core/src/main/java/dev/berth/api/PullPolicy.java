package dev.berth.api;

import java.util.Locale;

/** When a build pulls its base images ({@code berth build --pull}), as Podman's {@code --pull} values. */
public enum PullPolicy {
    /** Pull an image the store does not have (the default). */
    MISSING,
    /** Pull every base image once per build, so a moved tag is seen. */
    ALWAYS,
    /** Never pull: a missing image fails the build. */
    NEVER;

    /**
     * {@code missing}, {@code always}, {@code never}; {@code true} and {@code false} as Docker's boolean {@code --pull}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static PullPolicy parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "missing", "false" -> MISSING;
            case "always", "true" -> ALWAYS;
            case "never" -> NEVER;
            default -> throw new IllegalArgumentException("invalid pull policy \"" + text
                    + "\": use missing, always or never");
        };
    }
}
