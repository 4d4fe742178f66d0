package dev.berth.export;

import dev.berth.archive.ArchiveFormat;
import dev.berth.archive.ArchiveWriter;
import dev.berth.archive.SavedImage;
import dev.berth.error.StoreException;
import dev.berth.image.Descriptor;
import dev.berth.image.ImageJson;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import dev.berth.store.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes a built image to one {@link BuildOutput}. {@link BuildOutput.Image} is the store's own business
 * (the builder lists and tags the image) and writes nothing here. Thread-safe: holds no state.
 */
public final class BuildExporter {

    private final ContentStore content;
    private final ImageJson json;

    public BuildExporter(ContentStore content, ImageJson json) {
        this.content = content;
        this.json = json;
    }

    public void export(BuiltImage image, BuildOutput output) {
        switch (output) {
            case BuildOutput.Image _ -> { }
            case BuildOutput.Local(Path directory) -> local(image, directory);
            case BuildOutput.Tar(BuildOutput.Destination destination) -> write(destination, "the file system tar",
                    out -> new RootfsTarWriter(content).write(image.manifest().layers().stream().map(Descriptor::digest)
                            .toList(), out));
            case BuildOutput.DockerArchive(BuildOutput.Destination destination) -> write(destination,
                    "the Docker archive", out -> archive(image, ArchiveFormat.DOCKER, out));
            case BuildOutput.OciArchive(BuildOutput.Destination destination) -> write(destination,
                    "the OCI archive", out -> archive(image, ArchiveFormat.OCI, out));
        }
    }

    private void archive(BuiltImage image, ArchiveFormat format, OutputStream out) {
        BuiltImage gzipped = new GzipLayers(content, json).of(image);
        new ArchiveWriter(content, json).write(List.of(new SavedImage(gzipped.manifestDigest(), gzipped.manifest(),
                gzipped.names())), format, out);
    }

    private void local(BuiltImage image, Path directory) {
        try {
            Files.createDirectories(directory);
            LayerExtractor extractor = new LayerExtractor(ExtractOptions.defaults(false));
            for (Descriptor layer : image.manifest().layers()) {
                try (InputStream blob = content.open(layer.digest())) {
                    extractor.extract(layer.digest().toString(), blob, directory);
                }
            }
        } catch (IOException e) {
            throw new StoreException("writing the local output to " + directory, e);
        }
    }

    private interface Body {
        void writeTo(OutputStream out);
    }

    private static void write(BuildOutput.Destination destination, String what, Body body) {
        switch (destination) {
            case BuildOutput.Destination.Stream(OutputStream out) -> {
                body.writeTo(out);
                flush(out, what);
            }
            case BuildOutput.Destination.File(Path path) -> toFile(path.toAbsolutePath(), what, body);
        }
    }

    private static void toFile(Path target, String what, Body body) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    body.writeTo(out);
                }
                // createTempFile makes the file private; an archive is as readable as docker save leaves it.
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new StoreException("writing " + what + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void flush(OutputStream out, String what) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new StoreException("writing " + what + " to standard output: " + e.getMessage(), e);
        }
    }
}
