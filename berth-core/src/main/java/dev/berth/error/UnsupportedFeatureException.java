package dev.berth.error;

/** The input is valid but asks for something this host or this version of Berth cannot do. */
public final class UnsupportedFeatureException extends BerthException {

    public UnsupportedFeatureException(String message) {
        super(message, null);
    }

    public UnsupportedFeatureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 8;
    }
}
