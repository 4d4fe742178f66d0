package dev.berth.snapshot;

import java.nio.file.Path;

class CopySnapshotterTest extends SnapshotterConformance {

    @Override
    Snapshotter create(Path root) {
        return new CopySnapshotter(root, true);
    }
}
