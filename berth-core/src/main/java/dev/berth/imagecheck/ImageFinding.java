package dev.berth.imagecheck;

import java.util.Objects;

/**
 * One finding of an image check.
 *
 * @param rule    the rule it breaks; its level and fix are the rule's
 * @param message what was found, naming the path, mode, layer or date
 */
public record ImageFinding(ImageRule rule, String message) {

    public ImageFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
