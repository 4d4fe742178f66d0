package dev.berth.snapshot;

import dev.berth.layer.ContainerPathResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The mount points a runtime needs in a root file system, made before the container starts so that the
 * runtime never creates them in the writable layer, as Docker's read-only init layer does: {@code /proc},
 * {@code /sys}, {@code /dev} and the files bound over {@code /etc}, plus the targets of a step's own mounts.
 * Only what the image lacks is made. A path through one of the image's symlinks is resolved as the runtime
 * will resolve it, inside the root (an absolute target starts again at the root, {@code ..} stops there), and its
 * mount point made where the link leads, so the runtime does not make it in the writable layer; when the lookup
 * cannot read links, such a path is left to the runtime.
 *
 * @param directories relative paths of directories ({@code proc}, {@code root/.cache})
 * @param files relative paths of empty files ({@code etc/hosts})
 */
public record InitLayer(SortedSet<String> directories, SortedSet<String> files) {

    /** What a path is in the image below. */
    public enum Kind { DIRECTORY, SYMLINK, OTHER }

    /** Looks a relative path up in the image without following a symlink in its last component. */
    @FunctionalInterface
    public interface ImageLookup {
        Optional<Kind> kind(String relativePath) throws IOException;

        /** The directory whose metadata a made copy of this directory takes, if the image has it. */
        default Optional<Path> directory(String relativePath) throws IOException {
            return Optional.empty();
        }

        /** The target of the image's symlink at {@code relativePath}, when the lookup can read it. */
        default Optional<String> linkTarget(String relativePath) throws IOException {
            return Optional.empty();
        }
    }

    public InitLayer {
        directories = new TreeSet<>(directories);
        files = new TreeSet<>(files);
        for (String path : directories) {
            check(path);
        }
        for (String path : files) {
            check(path);
        }
    }

    /** Docker's init layer: {@code proc}, {@code sys}, {@code dev} and {@code etc/{hosts,hostname,resolv.conf}}. */
    public static InitLayer dockerDefaults() {
        return new InitLayer(new TreeSet<>(List.of("dev", "proc", "sys")),
                new TreeSet<>(List.of("etc/hostname", "etc/hosts", "etc/resolv.conf")));
    }

    /** This layer plus a mount point at the absolute container path {@code target}. */
    public InitLayer withMountPoint(String target, boolean file) {
        String relative = relative(target);
        if (relative.isEmpty()) {
            return this;
        }
        var dirs = new TreeSet<>(directories);
        var regular = new TreeSet<>(files);
        (file ? regular : dirs).add(relative);
        return new InitLayer(dirs, regular);
    }

    /**
     * Makes in {@code dir} every path the image (seen through {@code image}) lacks, with the parent directories
     * it needs; a parent the image has gets the image's mode, owner and time, so the view does not change.
     *
     * @return the relative paths made, parents first
     */
    public List<String> createIn(Path dir, ImageLookup image) throws IOException {
        List<String> made = new ArrayList<>();
        Map<Path, Path> copiedParents = new LinkedHashMap<>();
        for (String path : directories) {
            create(dir, image, resolve(path, image), true, made, copiedParents);
        }
        for (String path : files) {
            create(dir, image, resolve(path, image), false, made, copiedParents);
        }
        // Last, as making children changes a directory's time.
        for (var parent : copiedParents.entrySet()) {
            copyMetadata(parent.getValue(), parent.getKey());
        }
        return List.copyOf(made);
    }

    private static void create(Path dir, ImageLookup image, String path, boolean directory, List<String> made,
            Map<Path, Path> copiedParents) throws IOException {
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            prefix.append(i == 0 ? "" : "/").append(parts[i]);
            Optional<Kind> kind = image.kind(prefix.toString());
            if (kind.isPresent() && kind.get() != Kind.DIRECTORY) {
                return;
            }
        }
        if (image.kind(path).isPresent()) {
            return;
        }
        prefix.setLength(0);
        for (int i = 0; i < parts.length - 1; i++) {
            prefix.append(i == 0 ? "" : "/").append(parts[i]);
            Path parent = dir.resolve(prefix.toString());
            if (Files.exists(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
                // Below another mount's file mount point: nothing can be made there; the runtime reports it.
                return;
            }
            if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(parent);
                Optional<Path> original = image.directory(prefix.toString());
                if (original.isPresent()) {
                    copiedParents.put(parent, original.get());
                } else {
                    made.add(prefix.toString());
                }
            }
        }
        Path target = dir.resolve(path);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            // Two mounts at one place (or two paths one link makes equal): the first one's mount point serves.
            return;
        }
        if (directory) {
            Files.createDirectory(target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
            Files.createFile(target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
        made.add(path);
    }

    /** {@code path} with the image's readable symlinks followed inside the root; unchanged when none is readable. */
    static String resolve(String path, ImageLookup image) throws IOException {
        List<String> resolved = ContainerPathResolver.resolve(path,
                candidate -> image.kind(candidate).filter(kind -> kind == Kind.SYMLINK).isPresent()
                        ? image.linkTarget(candidate) : Optional.empty(),
                ContainerPathResolver.OnTooManyLinks.STOP_FOLLOWING);
        return resolved.isEmpty() ? path : String.join("/", resolved);
    }

    private static void copyMetadata(Path from, Path to) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(from, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setOwner(attributes.owner());
        view.setGroup(attributes.group());
        view.setPermissions(attributes.permissions());
        view.setTimes(attributes.lastModifiedTime(), attributes.lastAccessTime(), null);
    }

    static String relative(String absolute) {
        return Path.of("/").resolve(absolute).normalize().toString().substring(1);
    }

    private static void check(String path) {
        if (path.isEmpty() || path.startsWith("/") || !Path.of(path).normalize().toString().equals(path)
                || path.startsWith("..")) {
            throw new IllegalArgumentException("init layer path must be clean and relative: " + path);
        }
    }
}
