package dev.berth.cli.progress;

/** Where a step is, as the live view shows it. */
enum StepStatus {
    RUNNING,
    DONE,
    CACHED,
    ERROR,
    /** Still running when the build failed elsewhere: its thread was stopped (BuildKit's CANCELED). */
    CANCELED
}
