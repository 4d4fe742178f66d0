package dev.berth.layer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a path the way the kernel would inside a container, from outside it: symlinks are followed but read
 * as the container sees them (an absolute target starts again at the root, {@code ..} stops at the root), so no
 * link planted in an image leads out of it. Where the links come from (a directory on the host, the layers of an
 * image) is the caller's {@link LinkTargets}. The layer extractor's {@link RootResolver} is stricter on purpose:
 * it refuses a {@code ..} above the root and a parent that is not a directory rather than clamping.
 */
public final class ContainerPathResolver {

    /** Linux's limit on links followed while resolving one path. */
    public static final int MAX_LINKS = 40;

    /** The target of the symlink at a relative path, or empty when that path is no symlink (or is unreadable). */
    @FunctionalInterface
    public interface LinkTargets {
        Optional<String> target(String relativePath) throws IOException;
    }

    /** What to do when more than {@link #MAX_LINKS} links are met. */
    public enum OnTooManyLinks {
        /** Fail as the kernel does ({@code ELOOP}). */
        FAIL,
        /** Stop following: further links are taken as plain names. */
        STOP_FOLLOWING
    }

    private ContainerPathResolver() {
    }

    /** The components {@code path} resolves to below the root (empty for the root itself); never {@code ..}. */
    public static List<String> resolve(String path, LinkTargets links, OnTooManyLinks onTooManyLinks)
            throws IOException {
        Deque<String> pending = new ArrayDeque<>(List.of(path.split("/")));
        List<String> resolved = new ArrayList<>();
        int followed = 0;
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
            String candidate = resolved.isEmpty() ? part : String.join("/", resolved) + "/" + part;
            Optional<String> target = links.target(candidate);
            if (target.isPresent() && ++followed > MAX_LINKS) {
                if (onTooManyLinks == OnTooManyLinks.FAIL) {
                    throw new IOException("too many levels of symbolic links resolving " + path);
                }
                target = Optional.empty();
            }
            if (target.isEmpty()) {
                resolved.add(part);
                continue;
            }
            if (target.get().startsWith("/")) {
                resolved.clear();
            }
            List<String> targetParts = List.of(target.get().split("/"));
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                pending.addFirst(targetParts.get(i));
            }
        }
        return List.copyOf(resolved);
    }
}
