package dev.berth.plan;

import java.util.Objects;

/** Where COPY and ADD take files from. */
public sealed interface CopySource {

    /** The build context, seen through its ignore file. */
    record Context() implements CopySource {}

    /** {@code --from=stage}: the final file system of an earlier stage. */
    record StageFiles(int index) implements CopySource {}

    /** {@code --from=image}: an image of the local store. */
    record ImageFiles(String reference) implements CopySource {
        public ImageFiles {
            Objects.requireNonNull(reference, "reference");
        }
    }
}
