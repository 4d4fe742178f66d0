package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both block deflaters (the system's zlib through FFM, the JDK's bundled one) deflate a chain of blocks,
 * each primed with the previous one's tail, into raw deflate data that inflates back to the input, and a
 * deflater reused from block to block gives what a fresh one gives.
 */
class BlockDeflaterTest {

    private static final int BLOCK = 128 * 1024;
    private static final int DICTIONARY = 32 * 1024;

    @Test
    void theSystemZlibIsFoundOnThisMachine() {
        // Debian always has zlib1g; without it Berth would silently fall back and lose its speed.
        assertThat(SystemZlib.available()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "jdk"})
    void aChainOfBlocksInflatesToTheInput(String which) throws Exception {
        assumeTrue(which.equals("jdk") || SystemZlib.available(), "no system zlib");
        byte[] input = mixed(5 * BLOCK + 777);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (BlockDeflater deflater = which.equals("jdk") ? new BlockDeflater.Jdk(6) : SystemZlib.deflating(6)) {
            for (int off = 0; off < input.length; off += BLOCK) {
                int length = Math.min(BLOCK, input.length - off);
                byte[] dictionary = off == 0 ? null : Arrays.copyOfRange(input, off - DICTIONARY, off);
                deflated.writeBytes(deflater.deflate(Arrays.copyOfRange(input, off, off + length), length, dictionary,
                        off + length == input.length));
            }
        }
        assertThat(inflateRaw(deflated.toByteArray(), input.length)).isEqualTo(input);
    }

    @Test
    void aReusedSystemDeflaterGivesWhatAFreshOneGives() {
        assumeTrue(SystemZlib.available(), "no system zlib");
        byte[] first = mixed(BLOCK);
        byte[] second = mixed(BLOCK / 3);
        byte[] dictionary = Arrays.copyOfRange(first, BLOCK - DICTIONARY, BLOCK);
        byte[] reused;
        try (BlockDeflater deflater = SystemZlib.deflating(6)) {
            deflater.deflate(first, first.length, null, false);
            reused = deflater.deflate(second, second.length, dictionary, true);
        }
        try (BlockDeflater fresh = SystemZlib.deflating(6)) {
            assertThat(fresh.deflate(second, second.length, dictionary, true)).isEqualTo(reused);
        }
    }

    private static byte[] inflateRaw(byte[] deflated, int expectedLength) throws Exception {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            byte[] output = new byte[expectedLength + 1];
            int total = 0;
            while (!inflater.finished() && total < output.length) {
                int n = inflater.inflate(output, total, output.length - total);
                if (n == 0 && inflater.needsInput()) {
                    break;
                }
                total += n;
            }
            assertThat(inflater.finished()).as("the last block ends the deflate stream").isTrue();
            return Arrays.copyOf(output, total);
        } finally {
            inflater.end();
        }
    }

    /** Half text-like, half random: both deflate's match search and its stored blocks are exercised. */
    private static byte[] mixed(int length) {
        Random random = new Random(length);
        byte[] bytes = new byte[length];
        String words = "layer digest stream manifest config blob tar gzip ";
        for (int i = 0; i < length; i++) {
            bytes[i] = (i / 4096) % 2 == 0 ? (byte) words.charAt(random.nextInt(words.length())) : (byte) random.nextInt();
        }
        return bytes;
    }
}
