package dev.berth.error;

/** A process Berth started (a RUN step, a container, the OCI runtime) failed. */
public final class ExecutionException extends BerthException {

    public ExecutionException(String message) {
        super(message, null);
    }

    public ExecutionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 7;
    }
}
