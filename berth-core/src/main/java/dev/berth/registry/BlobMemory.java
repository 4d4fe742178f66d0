package dev.berth.registry;

import dev.berth.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What transfers remember about blobs, in small files under {@code DIR} (the store's {@code cache/registry}): the
 * gzip blob an uncompressed layer was compressed to for a push ({@code gzip/HEX}), so the next push compresses
 * nothing, and the repositories a blob was pulled from or pushed to ({@code sources/HEX}, {@code DOMAIN/REPO} per
 * line), so a push to another repository of that registry mounts it instead of uploading. Only hints: a lost or
 * stale file costs a compression or an upload, never a wrong image (the store checks what it names).
 */
final class BlobMemory {

    private final Path directory;

    BlobMemory(Path directory) {
        this.directory = directory;
    }

    Optional<Digest> compressed(Digest uncompressed) {
        return read(directory.resolve("gzip").resolve(uncompressed.hex())).stream().findFirst().flatMap(text -> {
            try {
                return Optional.of(Digest.parse(text));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        });
    }

    void rememberCompressed(Digest uncompressed, Digest gzip) {
        replace(directory.resolve("gzip").resolve(uncompressed.hex()), gzip + "\n");
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
