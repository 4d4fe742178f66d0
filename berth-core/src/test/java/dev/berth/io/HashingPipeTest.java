package dev.berth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipe's stages hash and write every chunk once and in order, and a failing sink ends them all. */
class HashingPipeTest {

    // Eleven and a half chunks: more than the pipe holds, so chunks are recycled through every stage.
    private static final byte[] DATA = new byte[(23 << 20) / 2 + 7];

    static {
        new SplittableRandom(3).nextBytes(DATA);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void passesEveryByteInOrderAndHashesWhatItPasses(boolean hashing) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (HashingPipe pipe = hashing ? HashingPipe.hashing(sink, "test") : HashingPipe.inline(sink)) {
            // Odd-sized pieces by every path in: arrays, single bytes, and straight from a stream.
            int third = DATA.length / 3;
            for (int off = 0; off < third; off += 4099) {
                pipe.write(DATA, off, Math.min(4099, third - off));
            }
            pipe.write(DATA[third]);
            long read = pipe.transferFrom(new ByteArrayInputStream(DATA, third + 1, DATA.length - third - 1), DATA.length);
            assertThat(read).isEqualTo(DATA.length - third - 1);
            pipe.finish();
            assertThat(pipe.count()).isEqualTo(DATA.length);
            if (hashing) {
                assertThat(pipe.digest()).isEqualTo(Digest.sha256(DATA));
            }
        }
        assertThat(sink.toByteArray()).isEqualTo(DATA);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aSinkThatFailsFailsTheWriterAndEndsTheStages() {
        OutputStream failing = new OutputStream() {
            private int writes;

            @Override
            public void write(int b) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes == 2) {
                    throw new IOException("disk full");
                }
            }
        };
        assertThatThrownBy(() -> {
            try (HashingPipe pipe = HashingPipe.hashing(failing, "test")) {
                pipe.write(DATA);
                pipe.write(DATA);
                pipe.finish();
            }
        }).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    /** Regression: a stage killed by an Error never freed a chunk, and the writer waited for one forever. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aStageKilledByAnErrorFailsTheWriterInsteadOfHangingIt() {
        OutputStream dying = new OutputStream() {
            @Override
            public void write(int b) {
                throw new StackOverflowError("simulated");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                throw new StackOverflowError("simulated");
            }
        };
        assertThatThrownBy(() -> {
            try (HashingPipe pipe = HashingPipe.hashing(dying, "test")) {
                // More chunks than the pipe holds: the writer must wait for one the dead stage never frees.
                pipe.write(DATA);
                pipe.write(DATA);
                pipe.finish();
            }
        }).isInstanceOf(IOException.class).hasMessage("a hashing or writing thread (test) ended early");
    }
}
