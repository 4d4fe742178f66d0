package dev.berth.snapshot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** Needs root: overlay layers hold device nodes and {@code trusted.} attributes, and mounting needs CAP_SYS_ADMIN. */
class OverlaySnapshotterTest extends SnapshotterConformance {

    @BeforeAll
    static void needsRoot() {
        assumeTrue("root".equals(System.getProperty("user.name")), "overlay snapshots need root");
    }

    @Override
    String kind() {
        return "overlay";
    }
}
