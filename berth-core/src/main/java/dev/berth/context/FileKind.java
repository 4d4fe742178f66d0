package dev.berth.context;

/** The kind of a context entry, from the {@code S_IFMT} bits of its mode. */
public enum FileKind {
    FILE,
    DIRECTORY,
    SYMLINK,
    /** A device, FIFO or socket: listed so a user sees it, but never copied into an image. */
    OTHER;

    static FileKind ofMode(int mode) {
        return switch (mode & 0170000) {
            case 0100000 -> FILE;
            case 0040000 -> DIRECTORY;
            case 0120000 -> SYMLINK;
            default -> OTHER;
        };
    }
}
