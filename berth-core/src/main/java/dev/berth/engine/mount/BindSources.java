package dev.berth.engine.mount;

import dev.berth.context.BuildContext;
import dev.berth.context.ContextEntry;
import dev.berth.error.NotFoundException;
import dev.berth.error.StepInputException;
import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the source of a bind mount inside its context, stage or image, as if that were the root file system:
 * no {@code ..} above it, links read inside it (CVE-2024-1753), and gives host paths without symlinks. Also
 * makes the copy of a context source that an ignore file filters.
 */
public final class BindSources {

    private BindSources() {
    }

    /** The host path of {@code path} inside {@code files}, refusing a climb above its root. */
    public static Path inside(BuildContext files, String name, String path) {
        if (climbs(path)) {
            throw new StepInputException("mount source \"" + path + "\" is outside " + name,
                    Optional.of("mount sources are paths inside the context, stage or image; remove the \"..\""));
        }
        Path resolved;
        try {
            Path realRoot = files.root().toRealPath();
            resolved = realRoot.resolve(files.root().relativize(files.resolve(path)).toString());
        } catch (NotFoundException | IOException e) {
            throw new StepInputException("mount source \"" + path + "\" in " + name + ": " + e.getMessage());
        }
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            throw new StepInputException("mount source \"" + path + "\" not found in " + name);
        }
        return resolved;
    }

    /** A copy of the context entries at or under {@code source}: what the ignore file lets the build see. */
    public static void copyListed(BuildContext files, List<ContextEntry> listing, String name, Path source, Path copy,
            boolean readOnly) {
        String relative = realRoot(files).relativize(source).toString();
        List<String> listed = BindDigests.under(listing, relative).stream().map(ContextEntry::path).toList();
        if (listed.isEmpty() && !relative.isEmpty()) {
            throw new StepInputException("mount source \"" + relative + "\" is excluded by " + files.ignoreFile()
                    .map(Path::toString).orElse("the ignore file") + " in " + name);
        }
        try {
            Files.createDirectory(copy);
            for (String path : listed) {
                Path target = path.equals(relative) ? copy
                        : copy.resolve(relative.isEmpty() ? path : path.substring(relative.length() + 1));
                Path original = realRoot(files).resolve(path);
                if (Files.isDirectory(original, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.deleteIfExists(target);
                    linkOrCopy(original, target, readOnly);
                }
            }
        } catch (IOException e) {
            throw new StoreException("copying bind mount source " + source + " to " + copy, e);
        }
    }

    /** A read-only bind may share the context's inodes (the mount forbids writes); a writable one gets copies. */
    private static void linkOrCopy(Path original, Path target, boolean readOnly) throws IOException {
        if (readOnly && Files.isRegularFile(original, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createLink(target, original);
                return;
            } catch (IOException otherFileSystem) {
                // A hard link needs the same file system: copy instead.
            }
        }
        Files.copy(original, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }

    /** True when {@code path}, read lexically, goes above its root with {@code ..}. */
    public static boolean climbs(String path) {
        int depth = 0;
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                depth--;
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                return true;
            }
        }
        return false;
    }

    public static Path realRoot(BuildContext files) {
        try {
            return files.root().toRealPath();
        } catch (IOException e) {
            throw new StoreException("reading " + files.root(), e);
        }
    }

    /**
     * The store may sit behind a symlink (its root is taken as given); the runtime gets the real path, so
     * the bundle's symlink check (CVE-2024-1753) only ever sees links that came from an image or a context.
     */
    public static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new StoreException("resolving mount source " + path, e);
        }
    }
}
