package dev.berth.error;

/**
 * A failure Berth can name. The message says what was being done to what, and why it failed
 * ({@code pushing sha256:ab12… to 127.0.0.1:5000/app: 401 Unauthorized}); the cause is kept.
 */
public sealed abstract class BerthException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, StoreException,
                TransferException, ExecutionException, UnsupportedFeatureException {

    protected BerthException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code the CLI uses for this kind of failure; see the README's table. */
    public abstract int exitCode();
}
