package dev.berth.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns entry names into paths under a root the way {@code openat2(RESOLVE_IN_ROOT)} would: every
 * component is looked at without following links; a symlink met on the way is expanded, an absolute
 * target starting again at the root (as it would inside the container). A {@code ..} that would climb
 * above the root is refused rather than clamped, since no honest layer needs it. The last component is
 * never followed: it is the thing being created or replaced.
 *
 * <p>Resolved parent directories are cached; the cache must be {@link #forget() forgotten} whenever a
 * symlink is created or anything is deleted, since either can change where a name leads.
 */
final class RootResolver {

    private static final int MAX_SYMLINK_HOPS = 40;

    private final Path root;
    private final Map<List<String>, Path> parents = new HashMap<>();

    RootResolver(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Splits a tar name into components, dropping {@code .} and empty ones.
     *
     * @throws EntryRefusedException for an absolute name or one with a {@code ..} component
     */
    static List<String> clean(String name) throws EntryRefusedException {
        if (name.startsWith("/")) {
            throw new EntryRefusedException("absolute path");
        }
        List<String> components = new ArrayList<>();
        for (String component : name.split("/")) {
            if (component.equals("..")) {
                throw new EntryRefusedException("path escapes the root");
            }
            if (!component.isEmpty() && !component.equals(".")) {
                components.add(component);
            }
        }
        return components;
    }

    /** The path under the root for {@code components} (not empty), its parents resolved, its last component not followed. */
    Path resolve(List<String> components) throws EntryRefusedException, IOException {
        return resolve(components, Set.of());
    }

    /**
     * As {@link #resolve(List)}, with directories the caller knows to be real directories all the way up from the
     * root (none of them, nor any directory above them, a symlink): a parent among them is its own resolution, and
     * needs no lookup at all. The caller must drop a directory from the set once anything at or above it may have
     * been replaced, as the extractor does on every deletion; creating a symlink cannot replace a directory.
     */
    Path resolve(List<String> components, Set<Path> realDirectories) throws EntryRefusedException, IOException {
        List<String> parentComponents = components.subList(0, components.size() - 1);
        if (!realDirectories.isEmpty()) {
            Path plain = parentComponents.isEmpty() ? root : root.resolve(String.join("/", parentComponents));
            if (plain.equals(root) || realDirectories.contains(plain)) {
                return plain.resolve(components.getLast());
            }
        }
        Path parent = parents.get(parentComponents);
        if (parent == null) {
            parent = resolveDirectory(parentComponents);
            parents.put(List.copyOf(parentComponents), parent);
        }
        return parent.resolve(components.getLast());
    }

    void forget() {
        parents.clear();
    }

    private Path resolveDirectory(List<String> components) throws EntryRefusedException, IOException {
        Deque<String> todo = new ArrayDeque<>(components);
        List<String> done = new ArrayList<>();
        int hops = 0;
        while (!todo.isEmpty()) {
            String component = todo.removeFirst();
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (done.isEmpty()) {
                    throw new EntryRefusedException("path escapes the root through a symlink");
                }
                done.removeLast();
                continue;
            }
            Path candidate = join(done).resolve(component);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(candidate, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException missing) {
                done.add(component);
                continue;
            }
            if (attributes.isSymbolicLink()) {
                if (++hops > MAX_SYMLINK_HOPS) {
                    throw new EntryRefusedException("too many levels of symlinks");
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> parts = List.of(target.split("/"));
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                continue;
            }
            if (!attributes.isDirectory()) {
                throw new EntryRefusedException("parent " + root.relativize(candidate) + " is not a directory");
            }
            done.add(component);
        }
        return join(done);
    }

    private Path join(List<String> components) {
        Path path = root;
        for (String component : components) {
            path = path.resolve(component);
        }
        return path;
    }
}
