package dev.berth.error;

/** An image, container, file or blob that was asked for does not exist. */
public final class NotFoundException extends BerthException {

    public NotFoundException(String message) {
        super(message, null);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 3;
    }
}
