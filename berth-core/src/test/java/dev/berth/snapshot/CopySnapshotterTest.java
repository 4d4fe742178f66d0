package dev.berth.snapshot;

class CopySnapshotterTest extends SnapshotterConformance {

    @Override
    String kind() {
        return "copy";
    }
}
