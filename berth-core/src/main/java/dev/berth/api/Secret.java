package dev.berth.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A build secret ({@code --secret id=...}) for {@code RUN --mount=type=secret}: read only when a step mounts
 * it; its bytes never reach a cache key, a log, the history or a layer, and {@link #toString} never shows them.
 */
public sealed interface Secret {

    /** The secret's bytes. */
    byte[] read() throws IOException;

    /** {@code src=FILE}: the file's content, read when a step needs it. */
    record FromFile(Path file) implements Secret {

        public FromFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(file);
        }
    }

    /** {@code env=VAR} (or {@code type=env}): the value the client read from its environment. */
    record FromValue(byte[] bytes) implements Secret {

        public FromValue {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
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
