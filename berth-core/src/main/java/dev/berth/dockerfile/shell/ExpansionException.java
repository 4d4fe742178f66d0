package dev.berth.dockerfile.shell;

/** Stand-in (replaced at merge): a word that cannot be expanded, with the offset of the fault. */
public class ExpansionException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int offset;

    public ExpansionException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
