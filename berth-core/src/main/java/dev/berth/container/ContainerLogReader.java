package dev.berth.container;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a k8s-file log as conmon writes it, again and again: each {@link #poll} returns the lines completed since
 * the last, the pieces of a partial line ({@code P}) joined to the full line ({@code F}) of the same stream that
 * ends it. conmon rotates the log past {@code --log-size-max} by writing a new file over the old one (renamed into
 * place): a file of another inode, or one shorter than what was read, is read again from its start.
 */
public final class ContainerLogReader {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private Object fileKey;
    private long position;
    /** The bytes after the last newline read: a line conmon is still writing. */
    private final StringBuilder carry = new StringBuilder();
    private final Map<LogStream, LogLine> pending = new EnumMap<>(LogStream.class);

    public ContainerLogReader(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The lines completed since the last call (none when the file does not exist yet). */
    public List<LogLine> poll() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException notYet) {
            return List.of();
        }
        if (fileKey != null && (!fileKey.equals(attributes.fileKey()) || attributes.size() < position)) {
            // Rotated: what the old file had is gone, and a line cut at its end will not be finished.
            position = 0;
            carry.setLength(0);
        }
        fileKey = attributes.fileKey();
        List<LogLine> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            channel.position(position);
            int read;
            while ((read = channel.read(buffer)) > 0) {
                position += read;
                carry.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
                buffer.clear();
                takeLines(lines);
            }
        } catch (NoSuchFileException rotatedMeanwhile) {
            return lines;
        }
        return lines;
    }

    /**
     * The partial lines no full line has ended yet, as they are (what a container wrote last without a newline);
     * for the end of a log. A last line conmon did not end with a newline (it always does, unless it was killed in
     * the middle of a write) is taken as it is.
     */
    public List<LogLine> flush() {
        List<LogLine> rest = new ArrayList<>();
        if (!carry.isEmpty()) {
            LogLine.parse(carry.toString()).ifPresent(line -> add(line, rest));
            carry.setLength(0);
        }
        rest.addAll(pending.values());
        pending.clear();
        rest.sort(java.util.Comparator.comparing(LogLine::time));
        return rest;
    }

    /** Joins the parsed lines of {@code lines} (all of a file's lines, in order) as {@link #poll} would. */
    public static List<LogLine> join(List<LogLine> lines) {
        var joiner = new ContainerLogReader(Path.of("/dev/null"));
        List<LogLine> joined = new ArrayList<>();
        for (LogLine line : lines) {
            joiner.add(line, joined);
        }
        joined.addAll(joiner.flush());
        return joined;
    }

    private void takeLines(List<LogLine> lines) {
        int start = 0;
        int newline;
        while ((newline = carry.indexOf("\n", start)) >= 0) {
            LogLine.parse(carry.substring(start, newline)).ifPresent(line -> add(line, lines));
            start = newline + 1;
        }
        carry.delete(0, start);
    }

    private void add(LogLine line, List<LogLine> lines) {
        LogLine before = pending.remove(line.stream());
        LogLine joined = before == null ? line
                : new LogLine(before.time(), line.stream(), line.partial(), before.text() + line.text());
        if (joined.partial()) {
            pending.put(line.stream(), joined);
        } else {
            lines.add(joined);
        }
    }
}
