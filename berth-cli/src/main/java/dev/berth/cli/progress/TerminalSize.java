package dev.berth.cli.progress;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's width and height for the live view: {@code COLUMNS} and {@code LINES} when set, else what
 * {@code stty size} says of {@code /dev/tty}, else 80 by 24.
 */
record TerminalSize(int columns, int rows) {

    static final TerminalSize DEFAULT = new TerminalSize(80, 24);
    /** Narrower than this, the duration column and a step name cannot both be shown. */
    private static final int MIN_COLUMNS = 20;

    TerminalSize {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a terminal has at least one column and one row: " + columns + "x" + rows);
        }
    }

    static TerminalSize of(Map<String, String> env) {
        Optional<Integer> columns = positive(env.get("COLUMNS"));
        Optional<Integer> rows = positive(env.get("LINES"));
        Optional<TerminalSize> measured = columns.isPresent() && rows.isPresent() ? Optional.empty() : stty();
        int width = columns.orElse(measured.map(TerminalSize::columns).orElse(DEFAULT.columns()));
        int height = rows.orElse(measured.map(TerminalSize::rows).orElse(DEFAULT.rows()));
        return new TerminalSize(Math.max(MIN_COLUMNS, width), height);
    }

    /**
     * {@code stty size} prints {@code ROWS COLUMNS}; empty when there is no terminal or stty fails, which
     * only means the defaults apply.
     */
    private static Optional<TerminalSize> stty() {
        try {
            Process process = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!process.waitFor(2, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return Optional.empty();
            }
            String[] fields = output.split("\\s+");
            if (fields.length != 2) {
                return Optional.empty();
            }
            return positive(fields[0]).flatMap(height -> positive(fields[1]).map(width -> new TerminalSize(width, height)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Integer> positive(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,6}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text.strip());
        return value > 0 ? Optional.of(value) : Optional.empty();
    }
}
