package dev.berth.api;

import dev.berth.context.BuildContext;
import dev.berth.context.ContextEntry;
import dev.berth.context.StatCache;
import dev.berth.diagnostic.SourceFile;
import dev.berth.error.BerthException;
import dev.berth.event.ProgressListener;
import dev.berth.plan.BuildGraph;
import dev.berth.plan.CopySource;
import dev.berth.plan.PlannedStage;
import dev.berth.plan.RunMount;
import dev.berth.plan.Step;
import dev.berth.store.ContentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The no-op rebuild's shortcut. A build whose request, Dockerfile and ignore file are those of the last all-cached
 * build with the same context, Dockerfile path, tags and target, and whose context files and store index have not
 * changed since, makes the same image: every step would hit the cache, as it did then. Such a build is answered
 * from a record of the last one, without planning, hashing or looking steps up, and shows the same steps as cached.
 * What could make the answer differ falls back to a full build: a context file's size, mtime, ctime, inode or mode,
 * any write to the index (a tag moved, an image pulled, loaded or removed), another Berth (its code is in the
 * inputs), {@code --no-cache}, {@code --pull=always}, outputs other than the store, and Dockerfiles whose ADD fetches
 * URLs (Docker fetches them on every build). A base image pulled by the build writes the index, so that build
 * leaves no record.
 *
 * <p>The context is listed only for a build that reads it (a COPY or a bind mount from it) and only when a record
 * is written or checked: a build that is not up to date pays nothing. The listing is taken after the build, and a
 * record is written only when no file changed in the stat cache's racy window before the build started (by mtime
 * or ctime, which no tool can set back): a file changed while the build ran, or in the same clock tick as one it
 * read, could hold other bytes than the build read.
 *
 * <p>Records live under the build cache ({@link UpToDateRecords}), so {@code berth builder prune} drops them with
 * the cache.
 */
final class UpToDateBuilds {

    /**
     * The inputs of one build, worked out before it runs. {@code slot} and {@code inputs} are the fields as text,
     * compared as they are: hashing them would cost a fresh JVM its first {@code MessageDigest} (the security
     * providers' set-up), more than the rest of an up-to-date rebuild.
     *
     * @param started the build's start by the injected clock, for the racy window
     */
    record Fingerprint(String slot, String inputs, UpToDateRecord.IndexState index, Instant started) {

        /** The record's file name: a 64-bit FNV-1a hash of the slot, which the record repeats in full. */
        String fileName() {
            long hash = 0xcbf29ce484222325L;
            for (byte b : slot.getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
            return HexFormat.of().toHexDigits(hash);
        }
    }

    private final UpToDateRecords records;
    private final Path indexFile;
    private final ContentStore content;

    UpToDateBuilds(Path directory, Path indexFile, ContentStore content) {
        this.records = new UpToDateRecords(directory);
        this.indexFile = indexFile;
        this.content = content;
    }

    /** Drops every record, as {@code berth builder prune} empties the cache the records stand for. */
    void forget() {
        records.forget();
    }

    /** The request's fingerprint, or empty when a build like it must always run (or its inputs cannot be read). */
    Optional<Fingerprint> fingerprint(BuildRequest request, Path dockerfilePath, SourceFile dockerfile,
            BuildContext context, Instant started) {
        boolean storeOnly = request.outputs().size() == 1 && request.outputs().getFirst() instanceof Output.Image;
        // --pull=always asks the registry every time: a moved tag must be seen.
        if (!storeOnly || request.noCache() || request.explainCache() || request.pull() == PullPolicy.ALWAYS) {
            return Optional.empty();
        }
        try {
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
            return Optional.of(new Fingerprint(slot.toString(), inputs.toString(), indexState(), started));
        } catch (IOException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The last build's result when {@code fingerprint} and the context match it and its image is still in the
     * store; its steps go to {@code listener} as cached.
     */
    Optional<BuildResult> replay(Fingerprint fingerprint, BuildContext context, List<String> tags,
            ProgressListener listener) {
        Optional<UpToDateRecord> found = records.read(fingerprint.fileName());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UpToDateRecord last = found.get();
        if (!last.slot().equals(fingerprint.slot()) || !last.inputs().equals(fingerprint.inputs())
                || !last.index().sameAs(fingerprint.index())) {
            return Optional.empty();
        }
        Optional<List<ContextEntry>> now = last.readsContext() ? listing(context) : Optional.of(List.of());
        if (now.isEmpty() || !UpToDateRecord.sameEntries(last.context(), now.get())
                || content.info(last.imageId()).isEmpty() || content.info(last.manifest()).isEmpty()) {
            return Optional.empty();
        }
        StepRecorder.replay(last.steps(), listener);
        return Optional.of(new BuildResult(last.imageId(), last.manifest(), tags, last.warnings()));
    }

    /**
     * Keeps {@code result} for {@code fingerprint} when the build ran no step, fetched nothing from the network,
     * left the index as it found it and read no file that changed in the racy window before it started; a record
     * that cannot be written only costs the next rebuild its shortcut.
     */
    void remember(Fingerprint fingerprint, BuildGraph graph, BuildContext context, StepRecorder steps,
            BuildResult result) {
        Optional<List<StepRecorder.Shown>> shown = steps.allCached();
        if (shown.isEmpty() || fetchesRemote(graph) || !indexUnchangedSince(fingerprint)) {
            return;
        }
        boolean readsContext = readsContext(graph);
        Optional<List<ContextEntry>> listing = readsContext ? listing(context) : Optional.of(List.of());
        long settled = TimeUnit.SECONDS.toNanos(fingerprint.started().getEpochSecond()) + fingerprint.started().getNano()
                - StatCache.RACY_WINDOW_NANOS;
        if (listing.isEmpty() || listing.get().stream().anyMatch(entry -> entry.stat().changedNanos() > settled)) {
            return;
        }
        UpToDateRecord record = new UpToDateRecord(fingerprint.slot(), fingerprint.inputs(), fingerprint.index(),
                readsContext, listing.get(), shown.get(), result.imageId(), result.manifest(), result.warnings());
        records.write(fingerprint.fileName(), record);
    }

    /** The context as a build sees it, or empty when it cannot be read: the build then reports why. */
    private static Optional<List<ContextEntry>> listing(BuildContext context) {
        try {
            return Optional.of(context.list());
        } catch (BerthException unreadable) {
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
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), String.valueOf(attributes.fileKey()));
    }

    private static boolean fetchesRemote(BuildGraph graph) {
        return steps(graph).anyMatch(step -> step instanceof Step.CopyStep copy && copy.fetchesRemote());
    }

    /** Whether a COPY, ADD or bind mount takes files from the context: only then does the context matter. */
    private static boolean readsContext(BuildGraph graph) {
        return steps(graph).anyMatch(step -> switch (step) {
            case Step.CopyStep copy -> copy.source() instanceof CopySource.Context && !copy.sources().isEmpty();
            case Step.RunStep run -> run.mounts().stream()
                    .anyMatch(mount -> mount instanceof RunMount.Bind bind && bind.from() instanceof CopySource.Context);
            case Step.ConfigStep _ -> false;
        });
    }

    private static Stream<Step> steps(BuildGraph graph) {
        return graph.stages().stream()
                .flatMap((PlannedStage stage) -> Stream.concat(stage.triggers().stream(), stage.steps().stream()));
    }

    /**
     * This Berth's code, by its jar's (or class directory's) path, size and time: another build of Berth may plan
     * the same text otherwise. A class directory's time does not move when a class in it changes: developers running
     * from {@code target/classes} should {@code builder prune} after a change to the build code.
     */
    private static String codeIdentity() throws IOException {
        try {
            Path code = Path.of(UpToDateBuilds.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            BasicFileAttributes attributes = Files.readAttributes(code, BasicFileAttributes.class);
            return code + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (URISyntaxException | SecurityException | NullPointerException unknown) {
            throw new IOException("where Berth's code is cannot be told", unknown);
        }
    }

    /** Length-prefixed, so that no two lists of fields give the same text. */
    private static void field(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }
}
