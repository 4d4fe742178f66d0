package dev.berth.snapshot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite with a mount-option limit so small that every chain is flattened into one lower
 * directory, as chains too long for overlayfs's page-sized options are.
 */
class FlattenedOverlaySnapshotterTest extends SnapshotterConformance {

    @BeforeAll
    static void needsRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "overlay snapshots need root");
    }

    @Override
    String kind() {
        return "flattened";
    }
}
