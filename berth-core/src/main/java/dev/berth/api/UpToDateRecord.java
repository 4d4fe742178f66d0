package dev.berth.api;

import dev.berth.context.ContextEntry;
import dev.berth.context.FileKind;
import dev.berth.context.FileStat;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.diagnostic.SourceRange;
import dev.berth.image.Digest;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link UpToDateBuilds} keeps of one finished build: its slot and inputs as text, the state of the store's index
 * and of the context it read, the steps it showed, and its result. Written in a small binary form of its
 * own: a no-op rebuild reads it before anything else, and a JSON reader's start-up would cost more than the rest.
 *
 *
 * <p>Compared field by field, not with the records' {@code equals}: that is linked through an {@code invokedynamic}
 * bootstrap on first use, a few milliseconds per record type in a fresh JVM.
 *
 * @param index the {@code index.json} the build saw: size, modification time and file key (a new file per write)
 * @param readsContext whether a COPY, ADD or bind mount read the context; {@code context} is empty when not
 */
record UpToDateRecord(String slot, String inputs, IndexState index, boolean readsContext, List<ContextEntry> context, List<StepRecorder.Shown> steps,
        Digest imageId, Digest manifest, List<Diagnostic> warnings) {

    /** 2: entries carry the ctime. */
    private static final int FORMAT = 2;

    /** The index file as {@code stat} shows it; renamed into place on every change, so any change shows here. */
    record IndexState(long size, long mtimeNanos, String fileKey) {
        IndexState {
            Objects.requireNonNull(fileKey, "fileKey");
        }

        boolean sameAs(IndexState other) {
            return size == other.size && mtimeNanos == other.mtimeNanos && fileKey.equals(other.fileKey);
        }
    }

    /** Whether two context listings name the same entries with the same kind and stat, in the same order. */
    static boolean sameEntries(List<ContextEntry> these, List<ContextEntry> those) {
        if (these.size() != those.size()) {
            return false;
        }
        for (int i = 0; i < these.size(); i++) {
            ContextEntry one = these.get(i);
            ContextEntry other = those.get(i);
            FileStat a = one.stat();
            FileStat b = other.stat();
            if (!one.path().equals(other.path()) || one.type() != other.type() || a.size() != b.size()
                    || a.mtimeNanos() != b.mtimeNanos() || a.inode() != b.inode() || a.mode() != b.mode()
                    || a.ctimeNanos() != b.ctimeNanos()) {
                return false;
            }
        }
        return true;
    }

    UpToDateRecord {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(index, "index");
        context = List.copyOf(context);
        steps = List.copyOf(steps);
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(manifest, "manifest");
        warnings = List.copyOf(warnings);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        text(out, slot);
        text(out, inputs);
        out.writeLong(index.size());
        out.writeLong(index.mtimeNanos());
        text(out, index.fileKey());
        out.writeBoolean(readsContext);
        out.writeInt(context.size());
        for (ContextEntry entry : context) {
            text(out, entry.path());
            out.writeByte(entry.type().ordinal());
            out.writeLong(entry.stat().size());
            out.writeLong(entry.stat().mtimeNanos());
            out.writeLong(entry.stat().inode());
            out.writeInt(entry.stat().mode());
            out.writeLong(entry.stat().ctimeNanos());
        }
        out.writeInt(steps.size());
        for (StepRecorder.Shown step : steps) {
            out.writeInt(step.number());
            text(out, step.name());
            out.writeBoolean(step.cached());
        }
        text(out, imageId.toString());
        text(out, manifest.toString());
        out.writeInt(warnings.size());
        for (Diagnostic warning : warnings) {
            out.writeByte(warning.severity().ordinal());
            text(out, warning.file());
            SourceRange range = warning.range();
            out.writeInt(range.startLine());
            out.writeInt(range.startColumn());
            out.writeInt(range.endLine());
            out.writeInt(range.endColumn());
            text(out, warning.message());
            out.writeBoolean(warning.hint().isPresent());
            if (warning.hint().isPresent()) {
                text(out, warning.hint().get());
            }
        }
    }

    /** The record, or empty when it was written in another format (an older Berth's). */
    static Optional<UpToDateRecord> read(DataInputStream in) throws IOException {
        if (in.readInt() != FORMAT) {
            return Optional.empty();
        }
        String slot = text(in);
        String inputs = text(in);
        IndexState index = new IndexState(in.readLong(), in.readLong(), text(in));
        boolean readsContext = in.readBoolean();
        int entries = in.readInt();
        List<ContextEntry> context = new ArrayList<>(entries);
        FileKind[] kinds = FileKind.values();
        for (int i = 0; i < entries; i++) {
            String path = text(in);
            FileKind kind = kinds[in.readByte()];
            context.add(new ContextEntry(path, kind,
                    new FileStat(in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readLong())));
        }
        int count = in.readInt();
        List<StepRecorder.Shown> steps = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            steps.add(new StepRecorder.Shown(in.readInt(), text(in), in.readBoolean()));
        }
        Digest imageId = Digest.parse(text(in));
        Digest manifest = Digest.parse(text(in));
        int warningCount = in.readInt();
        List<Diagnostic> warnings = new ArrayList<>(warningCount);
        Severity[] severities = Severity.values();
        for (int i = 0; i < warningCount; i++) {
            Severity severity = severities[in.readByte()];
            String file = text(in);
            SourceRange range = new SourceRange(in.readInt(), in.readInt(), in.readInt(), in.readInt());
            String message = text(in);
            Optional<String> hint = in.readBoolean() ? Optional.of(text(in)) : Optional.empty();
            warnings.add(new Diagnostic(severity, file, range, message, hint));
        }
        return Optional.of(new UpToDateRecord(slot, inputs, index, readsContext, context, steps, imageId, manifest, warnings));
    }

    /** Length-prefixed UTF-8: {@code writeUTF} stops at 64 KiB, and a step's text (a here-document) may not. */
    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 24) {
            throw new IOException("corrupt up-to-date record: a string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
