package dev.berth.layer;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/**
 * The system's zlib ({@code libz.so.1}), through the foreign function API, for deflating gzip blocks:
 * the JDK bundles its own copy of zlib, which deflates about 8 % slower here than the system's (the one
 * {@code pigz} links). Where the library cannot be loaded or refuses the stream layout, {@link #available()}
 * is false and the JDK's deflater is used. Needs native access, as the rest of Berth's FFM calls.
 */
final class SystemZlib {

    private static final int Z_OK = 0;
    private static final int Z_STREAM_END = 1;
    private static final int Z_BUF_ERROR = -5;
    private static final int Z_SYNC_FLUSH = 2;
    private static final int Z_FINISH = 4;
    private static final int Z_DEFLATED = 8;
    // Negative window bits: a raw deflate stream, no zlib header (gzip's framing is written by the caller).
    private static final int RAW_WINDOW_BITS = -15;
    private static final int DEFAULT_MEM_LEVEL = 8;
    private static final int DEFAULT_STRATEGY = 0;

    /** {@code z_stream} on LP64 Linux; zlib checks its size at init and refuses a mismatch. */
    private static final StructLayout Z_STREAM = MemoryLayout.structLayout(
            ValueLayout.ADDRESS.withName("next_in"),
            ValueLayout.JAVA_INT.withName("avail_in"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("total_in"),
            ValueLayout.ADDRESS.withName("next_out"),
            ValueLayout.JAVA_INT.withName("avail_out"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("total_out"),
            ValueLayout.ADDRESS.withName("msg"),
            ValueLayout.ADDRESS.withName("state"),
            ValueLayout.ADDRESS.withName("zalloc"),
            ValueLayout.ADDRESS.withName("zfree"),
            ValueLayout.ADDRESS.withName("opaque"),
            ValueLayout.JAVA_INT.withName("data_type"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("adler"),
            ValueLayout.JAVA_LONG.withName("reserved"));
    private static final VarHandle NEXT_IN = field("next_in");
    private static final VarHandle AVAIL_IN = field("avail_in");
    private static final VarHandle NEXT_OUT = field("next_out");
    private static final VarHandle AVAIL_OUT = field("avail_out");
    private static final VarHandle MSG = field("msg");

    /** The bound functions, or empty where the library is missing. */
    private static final Optional<Functions> FUNCTIONS = load();

    private record Functions(MethodHandle init, MethodHandle reset, MethodHandle setDictionary, MethodHandle deflate,
            MethodHandle bound, MethodHandle end, MemorySegment version) {
    }

    private SystemZlib() {
    }

    static boolean available() {
        return FUNCTIONS.isPresent();
    }

    /** A block deflater on the system's zlib; call only when {@link #available()}. */
    static Deflating deflating(int level) {
        return new Deflating(FUNCTIONS.orElseThrow(), level);
    }

    private static VarHandle field(String name) {
        return Z_STREAM.varHandle(MemoryLayout.PathElement.groupElement(name));
    }

    private static Optional<Functions> load() {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup zlib = SymbolLookup.libraryLookup("libz.so.1", Arena.global());
            MethodHandle version = linker.downcallHandle(zlib.find("zlibVersion").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS));
            Functions functions = new Functions(
                    linker.downcallHandle(zlib.find("deflateInit2_").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                            ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT)),
                    linker.downcallHandle(zlib.find("deflateReset").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)),
                    linker.downcallHandle(zlib.find("deflateSetDictionary").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT)),
                    linker.downcallHandle(zlib.find("deflate").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT)),
                    linker.downcallHandle(zlib.find("deflateBound").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG)),
                    linker.downcallHandle(zlib.find("deflateEnd").orElseThrow(),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)),
                    ((MemorySegment) version.invokeExact()).reinterpret(Long.MAX_VALUE));
            // A trial stream: a library that refuses this layout (another ABI, a zlib 2) is not used at all.
            new Deflating(functions, 6).close();
            return Optional.of(functions);
        } catch (LinkageError unavailable) {
            return Optional.empty();
        } catch (Error e) {
            throw e;
        } catch (Throwable unavailable) {
            // No libz.so.1, no native access, or an incompatible zlib: the JDK's deflater does the work.
            return Optional.empty();
        }
    }

    /** One z_stream and its native buffers, reset for each block. */
    static final class Deflating implements BlockDeflater {
        private final Functions zlib;
        // Shared: a worker thread deflates, the stream's owner closes once the workers are gone.
        private final Arena arena = Arena.ofShared();
        private final MemorySegment stream;
        private MemorySegment input = MemorySegment.NULL;
        private MemorySegment output = MemorySegment.NULL;

        private Deflating(Functions zlib, int level) {
            this.zlib = zlib;
            this.stream = arena.allocate(Z_STREAM);
            int result;
            try {
                result = (int) zlib.init().invokeExact(stream, level, Z_DEFLATED, RAW_WINDOW_BITS, DEFAULT_MEM_LEVEL,
                        DEFAULT_STRATEGY, zlib.version(), (int) Z_STREAM.byteSize());
            } catch (RuntimeException | Error e) {
                arena.close();
                throw e;
            } catch (Throwable t) {
                arena.close();
                throw new IllegalStateException("zlib deflateInit2: " + t, t);
            }
            if (result != Z_OK) {
                arena.close();
                throw new IllegalStateException("zlib deflateInit2 returned " + result);
            }
        }

        @Override
        public byte[] deflate(byte[] block, int length, byte[] dictionary, boolean last) {
            try {
                check((int) zlib.reset().invokeExact(stream), "deflateReset");
                int needed = Math.max(length, dictionary == null ? 0 : dictionary.length);
                if (input.byteSize() < needed) {
                    input = arena.allocate(needed);
                }
                if (dictionary != null) {
                    MemorySegment.copy(dictionary, 0, input, ValueLayout.JAVA_BYTE, 0, dictionary.length);
                    check((int) zlib.setDictionary().invokeExact(stream, input, dictionary.length), "deflateSetDictionary");
                }
                MemorySegment.copy(block, 0, input, ValueLayout.JAVA_BYTE, 0, length);
                // deflateBound covers a finished stream; a sync flush adds at most its empty stored block.
                long bound = (long) zlib.bound().invokeExact(stream, (long) length) + 16;
                if (output.byteSize() < bound) {
                    output = arena.allocate(bound);
                }
                NEXT_IN.set(stream, 0L, input);
                AVAIL_IN.set(stream, 0L, length);
                ByteArrayOutputStream more = null;
                while (true) {
                    NEXT_OUT.set(stream, 0L, output);
                    AVAIL_OUT.set(stream, 0L, (int) output.byteSize());
                    int result = (int) zlib.deflate().invokeExact(stream, last ? Z_FINISH : Z_SYNC_FLUSH);
                    if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
                        check(result, "deflate");
                    }
                    int produced = (int) output.byteSize() - (int) AVAIL_OUT.get(stream, 0L);
                    // Done when the output had room to spare (sync flush) or the stream ended (finish).
                    boolean done = last ? result == Z_STREAM_END : (int) AVAIL_OUT.get(stream, 0L) > 0;
                    if (done && more == null) {
                        return output.asSlice(0, produced).toArray(ValueLayout.JAVA_BYTE);
                    }
                    if (more == null) {
                        more = new ByteArrayOutputStream();
                    }
                    more.writeBytes(output.asSlice(0, produced).toArray(ValueLayout.JAVA_BYTE));
                    if (done) {
                        return more.toByteArray();
                    }
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("zlib: " + t, t);
            }
        }

        @Override
        public void close() {
            try {
                int _ = (int) zlib.end().invokeExact(stream);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("zlib deflateEnd: " + t, t);
            } finally {
                arena.close();
            }
        }

        private void check(int result, String call) {
            if (result != Z_OK) {
                MemorySegment message = (MemorySegment) MSG.get(stream, 0L);
                String detail = message.equals(MemorySegment.NULL) ? "" : ": " + message.reinterpret(256).getString(0);
                throw new IllegalStateException("zlib " + call + " returned " + result + detail);
            }
        }
    }
}
