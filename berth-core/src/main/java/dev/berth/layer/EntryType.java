package dev.berth.layer;

/** The kinds of tar entry a layer may hold; anything else (sparse, multi-volume, GNU extensions) is refused. */
public enum EntryType {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    CHAR_DEVICE,
    BLOCK_DEVICE,
    FIFO
}
