package dev.berth.dockerfile.ignore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the ignore file a build uses, by BuildKit's rule: {@code <Dockerfile name>.dockerignore}
 * beside the Dockerfile (for {@code -f build/app.Dockerfile}, {@code build/app.Dockerfile.dockerignore})
 * wins over {@code <context>/.dockerignore}; the two are never combined.
 */
public final class IgnoreFileLocator {

    /**
     * @param context the context directory
     * @param dockerfile the Dockerfile in use ({@code <context>/Dockerfile} when none was named)
     * @return the ignore file that applies, or empty when there is none
     */
    public Optional<Path> locate(Path context, Path dockerfile) {
        Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
        if (Files.isRegularFile(specific)) {
            return Optional.of(specific);
        }
        Path shared = context.resolve(".dockerignore");
        return Files.isRegularFile(shared) ? Optional.of(shared) : Optional.empty();
    }
}
