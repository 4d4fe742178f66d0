package dev.berth.context;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.ignore.IgnoreFile;
import dev.berth.dockerfile.ignore.IgnoreFileLocator;
import dev.berth.dockerfile.ignore.IgnoreFileReader;
import dev.berth.dockerfile.ignore.IgnoreMatcher;
import dev.berth.dockerfile.ignore.IgnorePattern;
import dev.berth.error.NotFoundException;
import dev.berth.error.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A build context: a directory read in place, never copied, seen through its ignore file.
 * {@link #list()} walks it without following symbolic links and returns what a build may use, in
 * the order of the paths' UTF-8 bytes, so two walks of the same tree agree. {@link #resolve} maps a
 * context path to a file and refuses any path, or link, that would lead outside the context.
 */
public final class BuildContext {

    private static final Comparator<ContextEntry> BY_PATH_BYTES = Comparator.comparing(ContextEntry::path, Utf8Order.INSTANCE);

    private final Path root;
    private final IgnoreMatcher ignore;
    private final Optional<Path> ignoreFile;

    public BuildContext(Path root, IgnoreMatcher ignore, Optional<Path> ignoreFile) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.ignore = Objects.requireNonNull(ignore, "ignore");
        this.ignoreFile = Objects.requireNonNull(ignoreFile, "ignoreFile");
        if (!Files.isDirectory(this.root)) {
            throw new NotFoundException("build context " + root + " is not a directory");
        }
    }

    /**
     * A directory seen whole, without an ignore file: a stage or image extracted for {@code COPY --from} or a
     * bind mount, whose files were never filtered.
     */
    public static BuildContext unfiltered(Path root) {
        return new BuildContext(root, IgnoreMatcher.none(), Optional.empty());
    }

    /**
     * Opens {@code root} with the ignore file BuildKit would pick for {@code dockerfile}
     * ({@code <root>/Dockerfile} when empty).
     *
     * @throws dev.berth.error.InvalidInputException when the ignore file has a malformed pattern
     */
    public static BuildContext open(Path root, Optional<Path> dockerfile) {
        Path context = root.toAbsolutePath().normalize();
        Optional<Path> located = new IgnoreFileLocator().locate(context, dockerfile.orElse(context.resolve("Dockerfile")));
        IgnoreFile file = IgnoreFile.none();
        if (located.isPresent()) {
            try {
                String text = Files.readString(located.get(), StandardCharsets.UTF_8);
                file = new IgnoreFileReader().read(new SourceFile(displayName(context, located.get()), text));
            } catch (IOException failure) {
                throw new StoreException("reading ignore file " + located.get(), failure);
            }
        }
        return new BuildContext(context, IgnoreMatcher.compile(file), located);
    }

    public Path root() {
        return root;
    }

    public IgnoreMatcher ignore() {
        return ignore;
    }

    /** The ignore file in effect, if any. */
    public Optional<Path> ignoreFile() {
        return ignoreFile;
    }

    /**
     * Every entry a build sees, sorted by path bytes. Directories are included; an excluded directory
     * appears when an exception re-includes something inside it, as BuildKit sends the parents of
     * every file it sends.
     */
    public List<ContextEntry> list() {
        List<ContextEntry> entries = new ArrayList<>();
        Map<String, ContextEntry> excludedDirectories = new HashMap<>();
        try {
            walk(root, "", entries, excludedDirectories);
        } catch (IOException failure) {
            throw new StoreException("reading build context " + root, failure);
        }
        if (!excludedDirectories.isEmpty()) {
            addParentsOfReincluded(entries, excludedDirectories);
        }
        entries.sort(BY_PATH_BYTES);
        return List.copyOf(entries);
    }

    /**
     * Why the source {@code written} (a path relative to this root, as COPY takes it) cannot be copied, checked
     * before anything runs: it climbs out, or it is missing or excluded from what {@link #list} holds. Sources
     * with wildcards are not checked (matching nothing is allowed), nor is the root itself.
     */
    public Optional<SourceProblem> problem(String written, String sourceName) {
        if (written.contains("*") || written.contains("?") || written.contains("[")) {
            return Optional.empty();
        }
        Optional<String> clean = relative(written);
        if (clean.isEmpty()) {
            return Optional.of(outside(written, sourceName));
        }
        String path = clean.get();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<FileStat> stat = lstatThroughDirectories(path);
            boolean directory = stat.isPresent() && FileKind.ofMode(stat.get().mode()) == FileKind.DIRECTORY;
            boolean listed = stat.isPresent() && (!ignore.matches(path) || directory && ignore.mayContainIncluded(path));
            return listed ? Optional.empty() : Optional.of(absent(written, path, sourceName));
        } catch (IOException e) {
            throw new StoreException("reading " + root.resolve(path), e);
        }
    }

    /** A source as a path relative to the root, {@code .} and {@code ..} applied; empty when it climbs out. */
    public static Optional<String> relative(String written) {
        List<String> parts = new ArrayList<>();
        for (String part : written.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /** A source that climbs out of the root with {@code ..}. */
    public static SourceProblem outside(String written, String sourceName) {
        return new SourceProblem("\"" + written + "\" is outside " + sourceName,
                Optional.of("sources are relative to the context root and cannot leave it"));
    }

    /** A source that {@link #list} does not hold: excluded by the ignore file (naming its line), or missing. */
    public SourceProblem absent(String written, String path, String sourceName) {
        Optional<IgnorePattern> pattern = ignore.explain(path);
        if (pattern.isPresent()) {
            String file = ignoreFile.map(Path::getFileName).map(Path::toString).orElse(".dockerignore");
            return new SourceProblem("\"" + written + "\" is excluded by " + file + " line " + pattern.get().line()
                    + " (" + pattern.get().text() + ")", Optional.of("remove or negate that pattern to copy it"));
        }
        return new SourceProblem("\"" + written + "\": not found in " + sourceName, Optional.empty());
    }

    /**
     * What {@link #list} holds at and below each of {@code roots} (relative paths without wildcards; {@code ""} is
     * the whole tree), sorted the same way: for a COPY from a stage's whole file system that takes one directory
     * of it. A tree with an ignore file is listed whole, and filtered.
     */
    public List<ContextEntry> listUnder(Collection<String> roots) {
        if (roots.contains("") || ignoreFile.isPresent()) {
            List<ContextEntry> all = list();
            return roots.contains("") ? all : all.stream().filter(entry -> roots.stream()
                    .anyMatch(root -> entry.path().equals(root) || entry.path().startsWith(root + "/"))).toList();
        }
        Map<String, ContextEntry> found = new TreeMap<>(Utf8Order.INSTANCE);
        try {
            for (String path : roots) {
                Optional<FileStat> stat = lstatThroughDirectories(path);
                if (stat.isEmpty()) {
                    continue;
                }
                ContextEntry entry = new ContextEntry(path, FileKind.ofMode(stat.get().mode()), stat.get());
                found.put(path, entry);
                if (entry.type() == FileKind.DIRECTORY) {
                    List<ContextEntry> below = new ArrayList<>();
                    walk(root.resolve(path), path + "/", below, new HashMap<>());
                    below.forEach(child -> found.put(child.path(), child));
                }
            }
        } catch (IOException failure) {
            throw new StoreException("reading " + root, failure);
        }
        return List.copyOf(found.values());
    }

    /** The lstat of {@code path}, empty when it or a parent is missing or a parent is no directory (as walking finds it). */
    private Optional<FileStat> lstatThroughDirectories(String path) throws IOException {
        Path current = root;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            current = current.resolve(parts[i]);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            FileStat stat = FileStats.lstat(current);
            if (i == parts.length - 1) {
                return Optional.of(stat);
            }
            if (FileKind.ofMode(stat.mode()) != FileKind.DIRECTORY) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The file behind a context path, links inside it followed as if the context were the file
     * system root (an absolute link target is taken from the context root; {@code ..} stops there).
     *
     * @throws NotFoundException when the path itself climbs out of the context with {@code ..}
     */
    public Path resolve(String path) {
        return new ContextPathResolver(root).resolve(path);
    }

    private void walk(Path directory, String prefix, List<ContextEntry> entries,
            Map<String, ContextEntry> excludedDirectories) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                String path = prefix + child.getFileName();
                FileStat stat = FileStats.lstat(child);
                ContextEntry entry = new ContextEntry(path, FileKind.ofMode(stat.mode()), stat);
                boolean excluded = ignore.matches(path);
                if (!excluded) {
                    entries.add(entry);
                }
                if (entry.type() == FileKind.DIRECTORY && (!excluded || ignore.mayContainIncluded(path))) {
                    if (excluded) {
                        excludedDirectories.put(path, entry);
                    }
                    walk(child, path + "/", entries, excludedDirectories);
                }
            }
        }
    }

    private static void addParentsOfReincluded(List<ContextEntry> entries, Map<String, ContextEntry> excluded) {
        List<ContextEntry> parents = new ArrayList<>();
        for (ContextEntry entry : entries) {
            String path = entry.path();
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                ContextEntry parent = excluded.remove(path.substring(0, slash));
                if (parent != null) {
                    parents.add(parent);
                }
            }
        }
        entries.addAll(parents);
    }

    private static String displayName(Path context, Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
