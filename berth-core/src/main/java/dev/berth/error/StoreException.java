package dev.berth.error;

/** The local store could not be read or written: disk full, permissions, a corrupted blob. */
public final class StoreException extends BerthException {

    public StoreException(String message) {
        super(message, null);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 5;
    }
}
