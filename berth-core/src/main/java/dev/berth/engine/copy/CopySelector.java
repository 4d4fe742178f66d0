package dev.berth.engine.copy;

import dev.berth.context.BuildContext;
import dev.berth.context.ContextEntry;
import dev.berth.context.ExcludePatterns;
import dev.berth.context.FileKind;
import dev.berth.context.SourceProblem;
import dev.berth.context.Utf8Order;
import dev.berth.error.StepInputException;
import dev.berth.image.ImagePaths;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which source entries a COPY or ADD takes and where each lands, with Docker's rules: a
 * directory source copies its contents, not itself; a destination ending in {@code /}, or several sources,
 * or a wildcard, makes the destination a directory; {@code --parents} keeps the source's path; {@code --exclude}
 * drops paths it matches, relative to the context or to the directory being copied; a source leaving the context is an error, and so is one the ignore file excluded
 * (naming the file and line). A wildcard matching nothing copies nothing, as BuildKit allows.
 */
public final class CopySelector {

    /** One entry to write: where it came from and its path in the layer (relative, no leading slash). */
    public record Item(ContextEntry entry, String target) {}

    private final BuildContext source;
    private final String sourceName;
    private final List<ContextEntry> entries;

    /** @param entries the source's listing ({@link BuildContext#list()}), walked once per build and source */
    public CopySelector(BuildContext source, String sourceName, List<ContextEntry> entries) {
        this.source = source;
        this.sourceName = sourceName;
        this.entries = entries;
    }

    /** Items sorted by target; for a target given twice the later source wins. */
    public List<Item> select(List<String> sources, String destination, boolean parents, ExcludePatterns excluded) {
        Map<String, ContextEntry> byPath = new LinkedHashMap<>();
        entries.forEach(entry -> byPath.put(entry.path(), entry));
        boolean wildcard = sources.stream().anyMatch(CopySelector::hasWildcard);
        boolean intoDirectory = destination.endsWith("/") || sources.size() > 1 || wildcard;
        String destinationPath = ImagePaths.relative(destination);
        Map<String, Item> items = new java.util.TreeMap<>(Utf8Order.INSTANCE);
        for (String written : sources) {
            String path = cleanSource(written);
            List<ContextEntry> roots = new ArrayList<>();
            if (hasWildcard(written)) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path);
                entries.stream().filter(entry -> matcher.matches(Path.of(entry.path()))).forEach(roots::add);
            } else if (path.isEmpty()) {
                roots.add(null);
            } else {
                ContextEntry entry = byPath.get(path);
                if (entry == null) {
                    throw missing(written, path);
                }
                roots.add(entry);
            }
            for (ContextEntry root : roots) {
                boolean directory = root == null || root.type() == FileKind.DIRECTORY;
                String rootPath = root == null ? "" : root.path();
                if (directory) {
                    String base = parents ? join(destinationPath, rootPath) : destinationPath;
                    if (root != null && !base.isEmpty()) {
                        items.put(base, new Item(root, base));
                    }
                    String prefix = rootPath.isEmpty() ? "" : rootPath + "/";
                    for (ContextEntry inside : entries) {
                        if (inside.path().startsWith(prefix) && !inside.path().equals(rootPath)
                                && !excluded.excludes(inside.path())
                                && !excluded.excludes(inside.path().substring(prefix.length()))) {
                            String target = join(base, inside.path().substring(prefix.length()));
                            items.put(target, new Item(inside, target));
                        }
                    }
                } else if (!excluded.excludes(rootPath)) {
                    String name = rootPath.substring(rootPath.lastIndexOf('/') + 1);
                    String target = parents ? join(destinationPath, rootPath)
                            : intoDirectory ? join(destinationPath, name) : destinationPath;
                    if (target.isEmpty()) {
                        throw new StepInputException("cannot copy " + written + " over the root directory");
                    }
                    items.put(target, new Item(root, target));
                }
            }
        }
        return List.copyOf(items.values());
    }

    private StepInputException missing(String written, String path) {
        SourceProblem problem = source.absent(written, path, sourceName);
        return new StepInputException(problem.message(), problem.hint());
    }

    /** The source relative to the context root; {@code ..} that would leave it is an error. */
    private String cleanSource(String written) {
        return BuildContext.relative(written).orElseThrow(() -> {
            SourceProblem problem = BuildContext.outside(written, sourceName);
            return new StepInputException(problem.message(), problem.hint());
        });
    }

    /**
     * The directories and files of the source that {@code sources} can reach: each one's leading components up
     * to the first with a wildcard ({@code ""}, the whole tree, when one climbs with {@code ..}: the selection
     * then says why).
     */
    public static Set<String> reachable(List<String> sources) {
        Set<String> roots = new TreeSet<>();
        for (String written : sources) {
            List<String> parts = new ArrayList<>();
            for (String part : written.split("/")) {
                if (hasWildcard(part)) {
                    break;
                }
                if (part.equals("..")) {
                    if (parts.isEmpty()) {
                        return Set.of("");
                    }
                    parts.removeLast();
                } else if (!part.isEmpty() && !part.equals(".")) {
                    parts.add(part);
                }
            }
            roots.add(String.join("/", parts));
        }
        return roots;
    }

    public static boolean hasWildcard(String path) {
        return path.contains("*") || path.contains("?") || path.contains("[");
    }

    private static String join(String base, String rest) {
        return base.isEmpty() ? rest : rest.isEmpty() ? base : base + "/" + rest;
    }
}
