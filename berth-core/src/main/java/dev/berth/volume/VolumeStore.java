package dev.berth.volume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import dev.berth.layer.DirectoryCopier;
import dev.berth.layer.TreeRemover;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local volumes under one root (the store's {@code volumes/}): {@code NAME/_data}, what containers mount, and
 * {@code NAME/volume.json}, written last (temporary file, synced, renamed), so a volume is there once its record is;
 * a directory without one (a create killed half-way) is not listed and is completed by the next create of that name.
 * A removal renames the directory out of the way first, so no half-removed volume is ever seen.
 */
public final class VolumeStore {

    private static final String RECORD = "volume.json";
    private static final String DATA = "_data";

    private final Path root;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public VolumeStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** A volume and whether this call made it (a new volume is filled from the image; an existing one is not). */
    public record Created(Volume volume, boolean isNew) {}

    /** {@code volume create}: the volume named so (made if missing, as Docker returns an existing one), or a new anonymous one. */
    public Created create(Optional<String> requestedName, Map<String, String> labels) {
        String name = requestedName.map(VolumeNames::checked).orElseGet(VolumeNames::anonymous);
        Path directory = root.resolve(name);
        try {
            Files.createDirectories(root);
            try {
                Files.createDirectory(directory);
            } catch (FileAlreadyExistsException exists) {
                Optional<Volume> existing = read(name);
                if (existing.isPresent()) {
                    return new Created(existing.get(), false);
                }
            }
            Path data = directory.resolve(DATA);
            if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(data);
            }
            Map<String, String> all = new LinkedHashMap<>(labels);
            if (requestedName.isEmpty()) {
                all.put(Volume.ANONYMOUS_LABEL, "");
            }
            Volume volume = new Volume(name, Volume.LOCAL, data, all, clock.instant());
            write(directory, volume);
            return new Created(volume, true);
        } catch (IOException e) {
            throw new StoreException("creating volume " + name + ": " + e.getMessage(), e);
        }
    }

    /** @throws NotFoundException with Docker's text {@code get NAME: no such volume} */
    public Volume find(String name) {
        return (VolumeNames.isValid(name) ? read(name) : Optional.<Volume>empty())
                .orElseThrow(() -> new NotFoundException("get " + name + ": no such volume"));
    }

    /** Every volume, by name. */
    public List<Volume> list() {
        List<Volume> volumes = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (VolumeNames.isValid(name)) {
                    read(name).ifPresent(volumes::add);
                }
            }
        } catch (IOException e) {
            throw new StoreException("listing volumes in " + root + ": " + e.getMessage(), e);
        }
        volumes.sort(Comparator.comparing(Volume::name));
        return List.copyOf(volumes);
    }

    /** Removes the volume and its data; whether it is in use is the caller's to check. */
    public void remove(String name) {
        Volume volume = find(name);
        Path directory = root.resolve(volume.name());
        Path aside = root.resolve(".removing-" + volume.name() + "-" + ProcessHandle.current().pid());
        try {
            Files.move(directory, aside, StandardCopyOption.ATOMIC_MOVE);
            TreeRemover.delete(aside);
        } catch (NoSuchFileException removedMeanwhile) {
            throw new NotFoundException("get " + name + ": no such volume");
        } catch (IOException e) {
            throw new StoreException("removing volume " + name + ": " + e.getMessage(), e);
        }
    }

    /** Removes what killed removals left ({@code .removing-*}); called by prunes. */
    public void sweepRemovals() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, ".removing-*")) {
            for (Path entry : entries) {
                TreeRemover.delete(entry);
            }
        } catch (IOException e) {
            throw new StoreException("removing leftovers in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Docker's copy-up: when the volume is empty, copies {@code source} (the image's content at the mount point, a
     * directory) into it, owners, modes, times and xattrs kept; the volume's own directory takes the source's owner
     * and mode, as Docker's does. An empty source, a missing one or a volume with content: nothing is copied.
     */
    public void fill(Volume volume, Path source) {
        Path data = volume.mountpoint();
        try {
            if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try (var existing = Files.list(data)) {
                if (existing.findAny().isPresent()) {
                    return;
                }
            }
            DirectoryCopier.copyOwnerAndMode(source, data);
            DirectoryCopier.copyContents(source, data);
        } catch (IOException e) {
            throw new StoreException("filling volume " + volume.name() + " from the image's " + source.getFileName()
                    + ": " + e.getMessage(), e);
        }
    }

    private Optional<Volume> read(String name) {
        Path file = root.resolve(name).resolve(RECORD);
        try {
            JsonNode node = json.readTree(Files.readAllBytes(file));
            Map<String, String> labels = new LinkedHashMap<>();
            node.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new Volume(node.path("name").asText(name), node.path("driver").asText(Volume.LOCAL),
                    root.resolve(name).resolve(DATA), labels, Instant.parse(node.path("createdAt").asText())));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("reading volume " + name + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private void write(Path directory, Volume volume) throws IOException {
        ObjectNode node = json.createObjectNode();
        node.put("format", 1);
        node.put("name", volume.name());
        node.put("driver", volume.driver());
        ObjectNode labels = node.putObject("labels");
        volume.sortedLabels().forEach(labels::put);
        node.put("createdAt", volume.createdAt().toString());
        Path temp = directory.resolve("." + RECORD + "." + ProcessHandle.current().pid() + ".tmp");
        Files.write(temp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, directory.resolve(RECORD), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
