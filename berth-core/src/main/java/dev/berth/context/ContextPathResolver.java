package dev.berth.context;

import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a context path as Docker's {@code FollowSymlinkInScope} does: the context is treated as
 * the root of the file system, so no link and no {@code ..} can reach outside it.
 */
final class ContextPathResolver {

    /** Linux's own limit on links followed while resolving one path. */
    private static final int MAX_LINKS = 40;

    private final Path root;

    ContextPathResolver(Path root) {
        this.root = root;
    }

    Path resolve(String path) {
        if (escapes(path)) {
            throw new NotFoundException("path \"" + path + "\" is outside the build context " + root);
        }
        Deque<String> pending = new ArrayDeque<>(elements(path));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String element = pending.removeFirst();
            if (element.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = join(resolved).resolve(element);
            if (!Files.isSymbolicLink(candidate)) {
                resolved.add(element);
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new NotFoundException("too many symbolic links resolving \"" + path + "\" in " + root);
            }
            String target = readLink(candidate);
            if (target.startsWith("/")) {
                resolved.clear();
            }
            List<String> targetElements = elements(target);
            for (int i = targetElements.size() - 1; i >= 0; i--) {
                pending.addFirst(targetElements.get(i));
            }
        }
        return join(resolved);
    }

    /** True when the path itself, read lexically, climbs above the context root. */
    private static boolean escapes(String path) {
        int depth = 0;
        for (String element : elements(path)) {
            depth += element.equals("..") ? -1 : 1;
            if (depth < 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> elements(String path) {
        List<String> elements = new ArrayList<>();
        for (String element : path.split("/")) {
            if (!element.isEmpty() && !element.equals(".")) {
                elements.add(element);
            }
        }
        return elements;
    }

    private Path join(List<String> elements) {
        Path path = root;
        for (String element : elements) {
            path = path.resolve(element);
        }
        return path;
    }

    private String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException failure) {
            throw new NotFoundException("reading symbolic link " + link, failure);
        }
    }
}
