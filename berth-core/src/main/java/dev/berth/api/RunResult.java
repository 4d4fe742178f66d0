package dev.berth.api;

/**
 * How a foreground container ended.
 *
 * @param exitCode its process's exit code, 128 + the signal's number when a signal ended it
 */
public record RunResult(int exitCode) {

    public RunResult {
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("an exit code is 0 to 255, not " + exitCode);
        }
    }
}
