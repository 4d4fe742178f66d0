package dev.berth.snapshot;

import dev.berth.image.Digest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A process that unpacks one layer, to be killed part-way by {@link SnapshotterConformance}. */
public final class UnpackerMain {

    private UnpackerMain() {
    }

    /** Arguments: snapshot root, kind ({@code overlay}, {@code flattened}, {@code copy}), layer file, chain ID. */
    public static void main(String[] args) throws Exception {
        Snapshotter snapshotter = SnapshotterConformance.create(args[1], Path.of(args[0]));
        try (InputStream blob = Files.newInputStream(Path.of(args[2]))) {
            snapshotter.unpack(Digest.parse(args[3]), Optional.empty(), "big", blob);
        }
    }
}
