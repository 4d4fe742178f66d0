package dev.berth.api;

import dev.berth.context.StreamedContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A build context that came as a stream ({@code berth build -}), unpacked into a temporary directory for a
 * {@link BuildRequest}: a tar (plain, gzip, bzip2, xz or zstd), or, as with {@code docker build - < Dockerfile},
 * a Dockerfile alone and an empty context. The caller deletes it once the build is done.
 *
 * @param directory      the unpacked (or empty) context
 * @param dockerfileText the Dockerfile, when the stream was one
 */
public record UnpackedContext(Path directory, Optional<String> dockerfileText) {

    public UnpackedContext {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(dockerfileText, "dockerfileText");
    }

    /** Removes the directory; a failure is a {@link dev.berth.error.StoreException}. */
    public void delete() {
        new StreamedContext(directory, dockerfileText).delete();
    }

    /** Removes the directory after {@code failure}, adding a failure to remove it there rather than hiding it. */
    public void deleteQuietly(Throwable failure) {
        new StreamedContext(directory, dockerfileText).deleteQuietly(failure);
    }
}
