package dev.berth.layer;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Deflates the blocks of a parallel gzip member, one thread's worth: raw deflate, each block primed with
 * the previous block's tail as its dictionary and ended with a sync flush (the last with a finish). One
 * instance serves one thread and is reset between blocks, as pigz keeps one stream per thread.
 */
sealed interface BlockDeflater extends AutoCloseable permits BlockDeflater.Jdk, SystemZlib.Deflating {

    /** The raw deflate bytes of {@code input[0, length)}. */
    byte[] deflate(byte[] input, int length, byte[] dictionary, boolean last);

    /** Releases the native state; called once no block is being deflated. */
    @Override
    void close();

    /**
     * The system's zlib where it can be loaded (about 8 % faster here than the copy bundled with the JDK,
     * and the one {@code pigz} and {@code gzip} use), else the JDK's {@link Deflater}.
     */
    static BlockDeflater create(int level) {
        return SystemZlib.available() ? SystemZlib.deflating(level) : new Jdk(level);
    }

    /** The JDK's bundled zlib. */
    final class Jdk implements BlockDeflater {
        private final Deflater deflater;
        private final byte[] buffer = new byte[64 * 1024];

        Jdk(int level) {
            this.deflater = new Deflater(level, true);
        }

        @Override
        public byte[] deflate(byte[] input, int length, byte[] dictionary, boolean last) {
            deflater.reset();
            if (dictionary != null) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(input, 0, length);
            ByteArrayOutputStream output = new ByteArrayOutputStream(length / 2 + 64);
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    output.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                // A sync flush ends the block on a byte boundary so the next block's bytes can follow.
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    output.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            return output.toByteArray();
        }

        @Override
        public void close() {
            deflater.end();
        }
    }
}
