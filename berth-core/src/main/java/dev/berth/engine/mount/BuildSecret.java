package dev.berth.engine.mount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A build secret given with {@code --secret id=...}: read only when a RUN step mounts it, written to a file
 * under the build's work directory for that step and deleted after it. Its bytes never reach a cache key,
 * a log, the history or a layer, and {@link #toString} never shows them.
 */
public sealed interface BuildSecret {

    /** The secret's bytes. */
    byte[] read() throws IOException;

    /** {@code src=FILE}: the file's content, read when a step needs it. */
    record FromFile(Path file) implements BuildSecret {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(file);
        }
    }

    /** {@code env=VAR} (or {@code type=env}): the value the client read from its environment. */
    record FromValue(byte[] bytes) implements BuildSecret {
        public FromValue {
            bytes = bytes.clone();
        }

        @Override
        public byte[] read() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return "FromValue[" + bytes.length + " bytes]";
        }
    }
}
