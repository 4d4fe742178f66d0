package dev.berth.error;

/** Talking to a registry or fetching a URL failed: connection, authentication, a bad answer. */
public final class TransferException extends BerthException {

    public TransferException(String message) {
        super(message, null);
    }

    public TransferException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 6;
    }
}
