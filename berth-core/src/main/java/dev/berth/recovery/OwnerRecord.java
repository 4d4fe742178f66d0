package dev.berth.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.StoreException;
import dev.berth.snapshot.SnapshotterLocation;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Who owns a directory of transient state (a container's bundle, a build's work directory) and what else to
 * undo when the owner is gone: the runtime's container and the active snapshot of the same ID. It lives beside
 * the directory, as {@code NAME.owner}: written (synced, renamed into place) before the first resource is made
 * and removed after the last is released, so whatever a killed process left has a record naming its owner.
 *
 * @param owner     the process that made the resources
 * @param purpose   what they were for ({@code RUN}, {@code run}, {@code build}), for reports
 * @param runtime   the runtime that may hold a container with the directory's name
 * @param snapshots the snapshotter that may hold an active snapshot with the directory's name
 */
public record OwnerRecord(ProcessOwner owner, String purpose, Optional<RuntimeLocation> runtime,
        Optional<SnapshotterLocation> snapshots) {

    /** The suffix of record files. */
    public static final String SUFFIX = ".owner";


    public OwnerRecord {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(snapshots, "snapshots");
    }

    /**
     * Where a runtime keeps a container: enough to run {@code delete --force} from another process.
     *
     * @param name       {@code runc} or {@code crun}
     * @param executable its binary
     * @param stateRoot  its {@code --root}
     */
    public record RuntimeLocation(String name, Path executable, Path stateRoot) {
        public RuntimeLocation {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(executable, "executable");
            Objects.requireNonNull(stateRoot, "stateRoot");
        }
    }

    /** The record file of {@code directory}: {@code directory} with {@value #SUFFIX} appended, beside it. */
    public static Path fileFor(Path directory) {
        return directory.resolveSibling(directory.getFileName() + SUFFIX);
    }

    /** Writes the record for {@code directory}: to a temporary file, synced, then renamed into place. */
    public void writeFor(Path directory) {
        Path file = fileFor(directory);
        Path temp = file.resolveSibling("." + file.getFileName() + "." + owner.pid() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(temp, toJson().toString().getBytes(StandardCharsets.UTF_8));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("recording the owner of " + directory + " in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whose a directory is, by the owner record beside it. */
    public enum Claim {
        /** No owner record: nobody is making or undoing it. */
        NONE,
        /** Its owner lives, or the record cannot be read (never taken for a gone owner). */
        LIVE,
        /** Its owner is gone: what it made there is left over. */
        GONE
    }

    /** The claim on {@code directory}: its owner record, if any, and whether the process it names lives. */
    public static Claim claimOn(Path directory) {
        Path file = fileFor(directory);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Claim.NONE;
        }
        try {
            return read(file).owner().isAlive() ? Claim.LIVE : Claim.GONE;
        } catch (NoSuchFileException handedOverMeanwhile) {
            return Claim.NONE;
        } catch (IOException | RuntimeException unreadable) {
            return Claim.LIVE;
        }
    }

    /** Reads a record file. */
    public static OwnerRecord read(Path file) throws IOException {
        // A mapper per read: records are read a few at a time, by sweeps, and no mapper is shared across threads.
        JsonNode node = new ObjectMapper().readTree(file.toFile());
        JsonNode process = node.path("owner");
        if (!process.path("pid").canConvertToLong() || !process.path("startTicks").canConvertToLong()) {
            throw new IOException("not an owner record: " + file);
        }
        var owner = new ProcessOwner(process.path("pid").asLong(), process.path("startTicks").asLong(),
                process.path("bootId").asText());
        Optional<RuntimeLocation> runtime = Optional.of(node.path("runtime")).filter(JsonNode::isObject)
                .map(r -> new RuntimeLocation(r.path("name").asText(), Path.of(r.path("executable").asText()),
                        Path.of(r.path("stateRoot").asText())));
        Optional<SnapshotterLocation> snapshots = Optional.of(node.path("snapshots")).filter(JsonNode::isObject)
                .map(s -> new SnapshotterLocation(s.path("kind").asText(), Path.of(s.path("root").asText()),
                        s.path("privileged").asBoolean()));
        return new OwnerRecord(owner, node.path("purpose").asText(), runtime, snapshots);
    }

    /** Removes the record of {@code directory}, if any. */
    public static void deleteFor(Path directory) {
        Path file = fileFor(directory);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("removing the owner record " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("owner").put("pid", owner.pid()).put("startTicks", owner.startTicks()).put("bootId", owner.bootId());
        node.put("purpose", purpose);
        runtime.ifPresent(r -> node.putObject("runtime").put("name", r.name())
                .put("executable", r.executable().toString()).put("stateRoot", r.stateRoot().toString()));
        snapshots.ifPresent(s -> node.putObject("snapshots").put("kind", s.kind()).put("root", s.root().toString())
                .put("privileged", s.privileged()));
        return node;
    }
}
