package dev.berth.api;

import dev.berth.context.BuildContext;
import dev.berth.context.ContextEntry;
import dev.berth.diagnostic.SourceFile;
import dev.berth.event.ProgressListener;
import dev.berth.plan.BuildGraph;
import dev.berth.plan.PlannedStage;
import dev.berth.plan.Step;
import dev.berth.store.ContentStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The no-op rebuild's shortcut. A build whose request, Dockerfile and ignore file are those of the last build with
 * the same context, Dockerfile path, tags and target, and whose context files and store index have not changed
 * since that build started, makes the same image: every step would hit the cache, as it did then. Such a build
 * is answered from a record of the last one, without planning, hashing or looking steps up, and shows the same
 * steps as cached. What could make the answer differ falls back to a full build: a changed context file (size,
 * modification time, inode or mode, as the stat cache compares them), any write to the index (a tag moved, an
 * image pulled, loaded or removed), another Berth (its code is in the inputs), {@code --no-cache}, outputs other
 * than the store, and Dockerfiles whose ADD fetches URLs (Docker fetches them on every build).
 *
 * <p>Records live under the build cache, so {@code berth builder prune} drops them with the cache; one per slot
 * (context, Dockerfile path, tags, target), the oldest dropped past {@link #KEPT}.
 */
final class UpToDateBuilds {

    private static final int KEPT = 256;

    /**
     * The inputs of one build, worked out before it runs. {@code slot} and {@code inputs} are the fields as text,
     * compared as they are: hashing them would cost a fresh JVM its first {@code MessageDigest} (the security
     * providers' set-up), more than the rest of an up-to-date rebuild.
     */
    record Fingerprint(String slot, String inputs, List<ContextEntry> context, UpToDateRecord.IndexState index) {

        /** The record's file name: a 64-bit FNV-1a hash of the slot, which the record repeats in full. */
        String fileName() {
            long hash = 0xcbf29ce484222325L;
            for (byte b : slot.getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
            return HexFormat.of().toHexDigits(hash);
        }
    }

    private final Path directory;
    private final Path indexFile;
    private final ContentStore content;

    UpToDateBuilds(Path directory, Path indexFile, ContentStore content) {
        this.directory = directory;
        this.indexFile = indexFile;
        this.content = content;
    }

    /** The request's fingerprint, or empty when a build like it must always run (or its inputs cannot be read). */
    Optional<Fingerprint> fingerprint(BuildRequest request, Path dockerfilePath, SourceFile dockerfile,
            BuildContext context) {
        boolean storeOnly = request.outputs().size() == 1 && request.outputs().getFirst() instanceof Output.Image;
        if (!storeOnly || request.noCache() || request.explainCache()) {
            return Optional.empty();
        }
        try {
            UpToDateRecord.IndexState index = indexState();
            StringBuilder slot = new StringBuilder();
            field(slot, context.root().toString());
            field(slot, request.dockerfileText().isPresent() ? "-" : dockerfilePath.toAbsolutePath().toString());
            request.tags().forEach(tag -> field(slot, tag));
            field(slot, request.target().orElse(""));
            StringBuilder inputs = new StringBuilder();
            field(inputs, codeIdentity());
            // The name too: warnings carry it, relative to the working directory.
            field(inputs, dockerfile.name());
            field(inputs, dockerfile.text());
            field(inputs, context.ignoreFile().isPresent() ? Files.readString(context.ignoreFile().get()) : "");
            new TreeMap<>(request.buildArgs()).forEach((key, value) -> field(inputs, key + "=" + value));
            field(inputs, "");
            new TreeMap<>(request.labels()).forEach((key, value) -> field(inputs, key + "=" + value));
            field(inputs, "");
            field(inputs, request.platform().orElse(""));
            field(inputs, request.sourceDateEpoch().map(Object::toString).orElse(""));
            return Optional.of(new Fingerprint(slot.toString(), inputs.toString(), context.list(), index));
        } catch (IOException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The last build's result when {@code fingerprint} matches it and its image is still in the store; its steps
     * go to {@code listener} as cached.
     */
    Optional<BuildResult> replay(Fingerprint fingerprint, List<String> tags, ProgressListener listener) {
        Optional<UpToDateRecord> found = read(directory.resolve(fingerprint.fileName()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UpToDateRecord last = found.get();
        boolean same = last.slot().equals(fingerprint.slot()) && last.inputs().equals(fingerprint.inputs())
                && last.index().sameAs(fingerprint.index()) && UpToDateRecord.sameEntries(last.context(), fingerprint.context())
                && content.info(last.imageId()).isPresent() && content.info(last.manifest()).isPresent();
        if (!same) {
            return Optional.empty();
        }
        StepRecorder.replay(last.steps(), listener);
        return Optional.of(new BuildResult(last.imageId(), last.manifest(), tags, last.warnings()));
    }

    /**
     * Keeps {@code result} for {@code fingerprint} when the build ran no step, fetched nothing from the network and
     * left the index as it found it; a record that cannot be written only costs the next rebuild its shortcut.
     */
    void remember(Fingerprint fingerprint, BuildGraph graph, StepRecorder steps, BuildResult result) {
        if (fetchesRemote(graph) || !indexUnchangedSince(fingerprint)) {
            return;
        }
        steps.allCached().ifPresent(shown -> {
            UpToDateRecord record = new UpToDateRecord(fingerprint.slot(), fingerprint.inputs(), fingerprint.index(),
                    fingerprint.context(), shown, result.imageId(), result.manifest(), result.warnings());
            try {
                Files.createDirectories(directory);
                Path temp = directory.resolve(".tmp-" + UUID.randomUUID());
                try (OutputStream file = Files.newOutputStream(temp);
                        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file))) {
                    record.write(out);
                }
                Files.move(temp, directory.resolve(fingerprint.fileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                dropOldest();
            } catch (IOException | UncheckedIOException unwritable) {
                // The next identical build takes the long way.
            }
        });
    }

    /** Drops every record, as {@code berth builder prune} empties the cache the records stand for. */
    void forget() {
        try (var listing = Files.list(directory)) {
            for (Path record : listing.toList()) {
                Files.deleteIfExists(record);
            }
        } catch (NoSuchFileException absent) {
            // Nothing was recorded.
        } catch (IOException e) {
            throw new dev.berth.error.StoreException("removing the up-to-date records in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<UpToDateRecord> read(Path file) {
        try (InputStream stream = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            return UpToDateRecord.read(in);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // Torn or written by another version: as good as none.
            return Optional.empty();
        }
    }

    /**
     * Whether nothing wrote the index while the build ran: a no-op build's tag writes nothing, so a change means
     * that another process tagged, pulled or removed an image meanwhile, which the build may or may not have seen.
     */
    private boolean indexUnchangedSince(Fingerprint fingerprint) {
        try {
            return indexState().sameAs(fingerprint.index());
        } catch (IOException unreadable) {
            return false;
        }
    }

    private UpToDateRecord.IndexState indexState() throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(indexFile, BasicFileAttributes.class);
        return new UpToDateRecord.IndexState(attributes.size(),
                attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                String.valueOf(attributes.fileKey()));
    }

    private static boolean fetchesRemote(BuildGraph graph) {
        for (PlannedStage stage : graph.stages()) {
            for (List<Step> steps : List.of(stage.triggers(), stage.steps())) {
                for (Step step : steps) {
                    if (step instanceof Step.CopyStep copy && copy.fetchesRemote()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** This Berth's code, by its jar's size and time: another build of Berth may plan the same text otherwise. */
    private static String codeIdentity() throws IOException {
        try {
            Path code = Path.of(UpToDateBuilds.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            BasicFileAttributes attributes = Files.readAttributes(code, BasicFileAttributes.class);
            return code + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException unknown) {
            throw new IOException("where Berth's code is cannot be told", unknown);
        }
    }

    private void dropOldest() throws IOException {
        List<Path> records;
        try (var listing = Files.list(directory)) {
            records = listing.toList();
        }
        if (records.size() <= KEPT) {
            return;
        }
        Map<Long, Path> byAge = new TreeMap<>();
        for (Path record : records) {
            byAge.put(Files.getLastModifiedTime(record).toMillis() * 1000 + byAge.size() % 1000, record);
        }
        int excess = records.size() - KEPT;
        for (Path record : byAge.values()) {
            if (excess-- <= 0) {
                break;
            }
            Files.deleteIfExists(record);
        }
    }

    /** Length-prefixed, so that no two lists of fields give the same text. */
    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }
}
