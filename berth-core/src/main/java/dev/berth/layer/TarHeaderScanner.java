package dev.berth.layer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Reads a tar's headers and skips what it does not read of the contents with {@link InputStream#skip}, which
 * seeks in an uncompressed blob: the owners and paths of a 170 MB base layer in milliseconds, where Commons
 * Compress's reader (which skips by reading, since 1.26) reads every byte. Headers are Commons Compress's own
 * ({@link TarArchiveEntry}'s parser and PAX key handling; PAX records, global and per entry, and GNU long
 * names and links applied as its reader applies them), and extended headers are capped as {@link BoundedTarInputStream} caps them. Sparse
 * entries, which no layer may hold, are refused.
 */
public final class TarHeaderScanner {

    private static final int BLOCK = 512;
    private static final int TYPE_FLAG_OFFSET = 156;
    private static final ZipEncoding UTF_8 = ZipEncodingHelper.getZipEncoding("UTF-8");

    private final InputStream in;
    private final Map<String, String> globalPax = new HashMap<>();
    private long unreadContent;
    private long padding;

    /** @param in the tar's bytes, decompressed; read from where it is, never closed here */
    public TarHeaderScanner(InputStream in) {
        this.in = in;
    }

    /** The next entry's header, or empty at the end of the archive; the previous entry's content is skipped. */
    public Optional<TarArchiveEntry> next() throws IOException {
        skipFully(unreadContent + padding);
        unreadContent = 0;
        padding = 0;
        Map<String, String> pax = new HashMap<>();
        Optional<String> longName = Optional.empty();
        Optional<String> longLink = Optional.empty();
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length == 0 || isZeros(header)) {
                return Optional.empty();
            }
            if (header.length < BLOCK) {
                throw new EOFException("the tar ends inside a header");
            }
            TarArchiveEntry entry;
            try {
                entry = new TarArchiveEntry(header, UTF_8, false);
            } catch (IllegalArgumentException malformed) {
                throw new IOException("malformed tar header: " + malformed.getMessage(), malformed);
            }
            byte type = header[TYPE_FLAG_OFFSET];
            if (BoundedTarInputStream.isExtendedHeader(type)) {
                byte[] data = extended(entry.getSize(), type);
                switch (type) {
                    case TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER -> apply(paxRecords(data), globalPax);
                    case TarConstants.LF_GNUTYPE_LONGNAME -> longName = Optional.of(nulTerminated(data));
                    case TarConstants.LF_GNUTYPE_LONGLINK -> longLink = Optional.of(nulTerminated(data));
                    default -> pax.putAll(paxRecords(data));
                }
                continue;
            }
            // As Commons Compress's reader: GNU long names first, PAX records (global, then the entry's) over them.
            longName.ifPresent(entry::setName);
            longLink.ifPresent(entry::setLinkName);
            Map<String, String> merged = new HashMap<>(globalPax);
            apply(pax, merged);
            for (Map.Entry<String, String> record : merged.entrySet()) {
                entry.addPaxHeader(record.getKey(), record.getValue());
            }
            // After the PAX records: GNU.sparse.* ones make a PAX sparse entry.
            if (entry.isGNUSparse() || entry.isOldGNUSparse() || entry.isPaxGNUSparse() || entry.isStarSparse()) {
                throw new IOException("sparse tar entry " + entry.getName() + ": a layer cannot hold sparse files");
            }
            long stored = entry.getSize();
            unreadContent = stored;
            padding = padded(stored) - stored;
            return Optional.of(entry);
        }
    }

    /** The current entry's content, at most {@code maxBytes} of it (the caller checks the size first). */
    public byte[] content(int maxBytes) throws IOException {
        int length = (int) Math.min(unreadContent, maxBytes);
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the tar ends inside an entry's content");
        }
        unreadContent -= length;
        return bytes;
    }

    private byte[] extended(long size, byte type) throws IOException {
        BoundedTarInputStream.checkExtendedHeader(type, size);
        if (size < 0) {
            throw new IOException("extended header (type " + (char) type + ") with a negative size: " + size);
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("the tar ends inside an extended header");
        }
        skipFully(padded(size) - size);
        return data;
    }

    /** POSIX's {@code "LENGTH key=value\n"} records; an empty value is kept, as it unsets the key when applied. */
    private static Map<String, String> paxRecords(byte[] data) throws IOException {
        Map<String, String> records = new LinkedHashMap<>();
        int start = 0;
        while (start < data.length) {
            int space = start;
            while (space < data.length && data[space] >= '0' && data[space] <= '9') {
                space++;
            }
            if (space == start || space >= data.length || data[space] != ' ' || space - start > 7) {
                throw new IOException("malformed PAX record at byte " + start + " of an extended header");
            }
            int length = Integer.parseInt(new String(data, start, space - start, StandardCharsets.US_ASCII));
            int end = start + length;
            if (end > data.length || end <= space + 1 || data[end - 1] != '\n') {
                throw new IOException("malformed PAX record at byte " + start + " of an extended header");
            }
            String record = new String(data, space + 1, end - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals <= 0) {
                throw new IOException("malformed PAX record at byte " + start + " of an extended header");
            }
            records.put(record.substring(0, equals), record.substring(equals + 1));
            start = end;
        }
        return records;
    }

    private static void apply(Map<String, String> records, Map<String, String> into) {
        records.forEach((key, value) -> {
            if (value.isEmpty()) {
                into.remove(key);
            } else {
                into.put(key, value);
            }
        });
    }

    /** Skips with {@code skip} (a seek where the stream allows it) and reads only what it would not skip. */
    private void skipFully(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the tar ends inside an entry's content");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    private static boolean isZeros(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String nulTerminated(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }
}
