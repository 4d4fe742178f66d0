package dev.berth.registry;

import dev.berth.image.Compression;
import dev.berth.image.Digest;
import dev.berth.layer.CompressionStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What transfers remember about blobs, in small files under {@code DIR} (the store's {@code cache/registry}): the
 * blob a layer was compressed to for a push, per diffID, format and level ({@code gzip/HEX} at gzip's default level,
 * {@code zstd-3/HEX} and the like otherwise), so the next push compresses nothing, and the repositories a blob was pulled from or pushed to ({@code sources/HEX}, {@code DOMAIN/REPO} per
 * line), so a push to another repository of that registry mounts it instead of uploading. Only hints: a lost or
 * stale file costs a compression or an upload, never a wrong image (the store checks what it names).
 */
final class BlobMemory {

    private final Path directory;

    BlobMemory(Path directory) {
        this.directory = directory;
    }

    /** The blob a layer with this diffID was compressed to, in this format at this level, for an earlier push. */
    Optional<Digest> compressed(Digest diffId, Compression format, int level) {
        return read(compressedFile(diffId, format, level)).stream().findFirst().flatMap(text -> {
            try {
                return Optional.of(Digest.parse(text));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    void rememberCompressed(Digest diffId, Compression format, int level, Digest blob) {
        replace(compressedFile(diffId, format, level), blob + "\n");
    }

    /**
     * {@code gzip/HEX} for gzip at its default level (where pushes before the level could be chosen kept it), else
     * {@code FORMAT-LEVEL/HEX}: another level makes another blob.
     */
    private Path compressedFile(Digest diffId, Compression format, int level) {
        String kind = format.name().toLowerCase(Locale.ROOT);
        boolean plain = format == Compression.GZIP && level == CompressionStreams.defaultLevel(Compression.GZIP);
        return directory.resolve(plain ? kind : kind + "-" + level).resolve(diffId.hex());
    }

    /** A repository of {@code domain} known to hold the blob, other than {@code except}. */
    Optional<String> sourceOn(Digest blob, String domain, String except) {
        return read(directory.resolve("sources").resolve(blob.hex())).stream()
                .filter(line -> line.startsWith(domain + "/"))
                .map(line -> line.substring(domain.length() + 1))
                .filter(repository -> !repository.equals(except))
                .findFirst();
    }

    void rememberSource(Digest blob, String domain, String repository) {
        Path file = directory.resolve("sources").resolve(blob.hex());
        String line = domain + "/" + repository;
        if (read(file).contains(line)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException hintLost) {
            // a hint only: the next push uploads instead of mounting
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (NoSuchFileException missing) {
            return List.of();
        } catch (IOException | IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    private static void replace(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException hintLost) {
            // a hint only: the next push compresses again
        }
    }
}
