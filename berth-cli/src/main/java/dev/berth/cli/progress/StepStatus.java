package dev.berth.cli.progress;

/** Where a step is, as the live view shows it. */
enum StepStatus {
    RUNNING,
    DONE,
    CACHED,
    ERROR,
    /** Stopped because the build failed elsewhere, or still running when it ended (BuildKit's CANCELED). */
    CANCELED
}
