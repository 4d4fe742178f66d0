package dev.berth.error;

/** The request clashes with the current state: a name in use, an image a container still needs. */
public final class ConflictException extends BerthException {

    public ConflictException(String message) {
        super(message, null);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 4;
    }
}
