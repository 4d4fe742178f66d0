package dev.berth.export;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a build's result goes ({@code --output type=...}). A build may have several; the image is stored
 * and tagged only for {@link Image}.
 */
public sealed interface BuildOutput {

    /** {@code type=image}, the default: the image is stored and tagged. */
    record Image() implements BuildOutput {}

    /** {@code type=local,dest=DIR}: the final stage's file system, written into a directory. */
    record Local(Path directory) implements BuildOutput {

        public Local {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /** {@code type=tar,dest=FILE}: the final stage's file system as one tar, owners and modes as in the image. */
    record Tar(Destination destination) implements BuildOutput {

        public Tar {
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** {@code type=docker,dest=FILE}: a {@code docker save} archive, which {@code docker load} reads. */
    record DockerArchive(Destination destination) implements BuildOutput {

        public DockerArchive {
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** {@code type=oci,dest=FILE}: an OCI image layout as a tar. */
    record OciArchive(Destination destination) implements BuildOutput {

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
}
