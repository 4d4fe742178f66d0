package dev.berth.api;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a build's result goes ({@code --output type=...}). A build may have several; the image is stored
 * and tagged only for {@link Image}. The API's own type, so a client never names the exporter's.
 */
public sealed interface Output {

    /** {@code type=image}, the default: the image is stored and tagged. */
    record Image() implements Output {}

    /** {@code type=local,dest=DIR}: the final stage's file system, written into a directory. */
    record Local(Path directory) implements Output {

        public Local {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /** {@code type=tar,dest=FILE}: the final stage's file system as one tar, owners and modes as in the image. */
    record Tar(Destination destination) implements Output {

        public Tar {
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** {@code type=docker,dest=FILE}: a {@code docker save} archive, which {@code docker load} reads. */
    record DockerArchive(Destination destination) implements Output {

        public DockerArchive {
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** {@code type=oci,dest=FILE}: an OCI image layout as a tar. */
    record OciArchive(Destination destination) implements Output {

        public OciArchive {
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** Where a tar goes: a file, or a stream the caller owns ({@code dest=-} is standard output). */
    sealed interface Destination {

        /** Written beside {@code path} and renamed into place; parent directories are created. */
        record File(Path path) implements Destination {

            public File {
                Objects.requireNonNull(path, "path");
            }
        }

        /** Written to {@code out}, flushed and left open. */
        record Stream(OutputStream out) implements Destination {

            public Stream {
                Objects.requireNonNull(out, "out");
            }
        }
    }

    /** Whether this output is written to a caller's stream rather than a file, a directory or the store. */
    default boolean isStreamed() {
        return switch (this) {
            case Image _, Local _ -> false;
            case Tar(Destination destination) -> destination instanceof Destination.Stream;
            case DockerArchive(Destination destination) -> destination instanceof Destination.Stream;
            case OciArchive(Destination destination) -> destination instanceof Destination.Stream;
        };
    }
}
