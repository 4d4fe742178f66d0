package dev.berth.engine;

import dev.berth.context.BuildContext;
import dev.berth.dockerfile.ignore.IgnoreMatcher;
import dev.berth.error.StoreException;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The file system of a stage or an image that {@code COPY --from} reads: extracted without privileges
 * (contents, types, links) together with the owners and modes its layers record, which are what COPY keeps.
 */
record ExtractedRootfs(BuildContext files, RootfsAttributes attributes) {

    /** The layers' file system under {@code root}, extracted only if no earlier step of this build did. */
    static ExtractedRootfs of(EngineParts parts, Path root, List<LayerRef> layers) {
        synchronized (parts) {
            if (!Files.isDirectory(root)) {
                try {
                    Path temp = Files.createDirectories(root.resolveSibling(root.getFileName() + ".partial"));
                    LayerExtractor extractor = new LayerExtractor(ExtractOptions.defaults(false));
                    for (LayerRef layer : layers) {
                        try (InputStream blob = parts.content().open(layer.blob().digest())) {
                            extractor.extract(layer.blob().digest().toString(), blob, temp);
                        }
                    }
                    Files.move(temp, root);
                } catch (IOException e) {
                    throw new StoreException("extracting " + root.getFileName() + " for COPY --from", e);
                }
            }
        }
        return new ExtractedRootfs(new BuildContext(root, IgnoreMatcher.none(), Optional.empty()),
                RootfsAttributes.read(parts.content(), layers));
    }
}
