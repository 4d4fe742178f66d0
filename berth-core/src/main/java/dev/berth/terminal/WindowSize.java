package dev.berth.terminal;

/** A terminal's size in character cells, as {@code TIOCGWINSZ} reports it and {@code stty size} prints it. */
public record WindowSize(int rows, int columns) {

    public WindowSize {
        if (rows < 0 || rows > 0xFFFF || columns < 0 || columns > 0xFFFF) {
            throw new IllegalArgumentException("a window size is two unsigned 16-bit numbers: " + rows + "x" + columns);
        }
    }
}
