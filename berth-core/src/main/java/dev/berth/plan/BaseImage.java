package dev.berth.plan;

import java.util.Objects;

/** What a stage starts from. */
public sealed interface BaseImage {

    /** {@code FROM scratch}: no layers. */
    record Scratch() implements BaseImage {}

    /** An image named by reference, looked up in the local store. */
    record Image(String reference) implements BaseImage {
        public Image {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** An earlier stage of the same Dockerfile. */
    record Stage(int index) implements BaseImage {
        public Stage {
            if (index < 0) {
                throw new IllegalArgumentException("stage index must not be negative: " + index);
            }
        }
    }
}
