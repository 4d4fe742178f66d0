package dev.berth.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path of a container the way the kernel would inside it, from outside it: symlinks are followed
 * but read as the container sees them (an absolute target starts again at the root, {@code ..} stops at the
 * root), so no link planted in an image leads to a host path.
 */
final class RootfsPaths {

    private static final int MAX_LINKS = 40;

    private RootfsPaths() {
    }

    /** The container path {@code path} resolves to in {@code root}, always absolute and normalized. */
    static String resolve(Path root, String path) throws IOException {
        Deque<String> pending = new ArrayDeque<>(split(path));
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String part = pending.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!resolved.isEmpty()) {
                    resolved.removeLast();
                }
                continue;
            }
            Path candidate = onHost(root, resolved).resolve(part);
            if (Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many levels of symbolic links resolving " + path);
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    resolved.clear();
                }
                List<String> targetParts = split(target);
                for (int i = targetParts.size() - 1; i >= 0; i--) {
                    pending.addFirst(targetParts.get(i));
                }
                continue;
            }
            resolved.add(part);
        }
        return "/" + String.join("/", resolved);
    }

    /** The host path of the container path {@code containerPath} (already resolved) under {@code root}. */
    static Path onHost(Path root, String containerPath) {
        return onHost(root, split(containerPath));
    }

    private static Path onHost(Path root, List<String> parts) {
        Path result = root;
        for (String part : parts) {
            if (!part.isEmpty()) {
                result = result.resolve(part);
            }
        }
        return result;
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
