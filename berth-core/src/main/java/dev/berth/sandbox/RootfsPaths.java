package dev.berth.sandbox;

import dev.berth.layer.ContainerPathResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a path of a container the way the kernel would inside it, from outside it, reading the links of a
 * root file system on the host ({@link ContainerPathResolver}), so no link planted in an image leads to a host path.
 */
public final class RootfsPaths {

    private RootfsPaths() {
    }

    /** The container path {@code path} resolves to in {@code root}, always absolute and normalized. */
    public static String resolve(Path root, String path) throws IOException {
        List<String> resolved = ContainerPathResolver.resolve(path, candidate -> {
            Path onHost = root.resolve(candidate);
            return Files.isSymbolicLink(onHost) ? Optional.of(Files.readSymbolicLink(onHost).toString())
                    : Optional.empty();
        }, ContainerPathResolver.OnTooManyLinks.FAIL);
        return "/" + String.join("/", resolved);
    }

    /** The host path of the container path {@code containerPath} (already resolved) under {@code root}. */
    public static Path onHost(Path root, String containerPath) {
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
