package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.berth.context.HashingFileStream;
import dev.berth.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadAheadTest {

    @TempDir
    Path directory;

    private FileReadAhead.Opener file(String name, byte[] content) throws IOException {
        Path file = Files.write(directory.resolve(name), content);
        return () -> HashingFileStream.uncached(name, file);
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void givesEachFileInTurnThroughReadsAndTransfersWithItsDigest() throws IOException {
        List<byte[]> contents = List.of(bytes(0, 1), bytes(FileReadAhead.BLOCK_SIZE, 2),
                bytes(3 * FileReadAhead.BLOCK_SIZE + 5, 3), bytes(17, 4));
        List<FileReadAhead.Opener> openers = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            openers.add(file("f" + i, contents.get(i)));
        }
        try (FileReadAhead ahead = new FileReadAhead(openers)) {
            for (int i = 0; i < contents.size(); i++) {
                byte[] read;
                try (InputStream in = ahead.content(i).open()) {
                    if (i % 2 == 0) {
                        read = in.readAllBytes();
                    } else {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        assertThat(in.transferTo(out)).isEqualTo(contents.get(i).length);
                        read = out.toByteArray();
                    }
                    assertThat(in.read()).isEqualTo(-1);
                }
                assertThat(read).isEqualTo(contents.get(i));
                assertThat(ahead.digest(i)).isEqualTo(Digest.sha256(contents.get(i)));
            }
        }
    }

    @Test
    void aFileThatCannotBeReadFailsItsOwnContent() throws IOException {
        List<FileReadAhead.Opener> openers = List.of(file("ok", bytes(10, 5)),
                () -> {
                    throw new IOException("cannot open missing");
                });
        try (FileReadAhead ahead = new FileReadAhead(openers)) {
            try (InputStream in = ahead.content(0).open()) {
                assertThat(in.readAllBytes()).hasSize(10);
            }
            InputStream failing = ahead.content(1).open();
            assertThatThrownBy(failing::readAllBytes).isInstanceOf(IOException.class).hasMessage("cannot open missing");
        }
    }

    @Test
    void filesMustBeOpenedInOrderAndReadToTheEndForTheirDigest() throws IOException {
        try (FileReadAhead ahead = new FileReadAhead(List.of(file("a", bytes(3, 6)), file("b", bytes(3, 7))))) {
            assertThatThrownBy(() -> ahead.content(1).open()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("file 1 opened out of order, expected 0");
            assertThatThrownBy(() -> ahead.digest(0)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("file 0 was not read to its end");
        }
    }

    @Test
    void closingStopsAReaderThatIsAheadOfAWriterThatStopped() throws IOException {
        List<FileReadAhead.Opener> openers = new ArrayList<>();
        for (int i = 0; i < FileReadAhead.BLOCKS * 3; i++) {
            openers.add(file("f" + i, bytes(FileReadAhead.BLOCK_SIZE, i)));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (FileReadAhead ahead = new FileReadAhead(openers)) {
                ahead.content(0).open().readNBytes(5);
            }
        });
    }
}
