package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated cells as Go's {@code text/tabwriter} does with Docker's settings (minimum width
 * 10, padding 3, spaces): a column is as wide as its widest tab-terminated cell plus the padding, and
 * the text after a line's last tab is not part of any column.
 */
final class TabWriter {

    private static final int MIN_WIDTH = 10;
    private static final int PADDING = 3;

    private TabWriter() {
    }

    static String align(String text) {
        return align(text, MIN_WIDTH);
    }

    /** As {@link #align(String)} with another minimum width ({@code docker top}'s is 20). */
    static String align(String text, int minWidth) {
        String[] lines = text.split("\n", -1);
        List<String[]> cells = new ArrayList<>();
        int columns = 0;
        for (String line : lines) {
            String[] split = line.split("\t", -1);
            cells.add(split);
            columns = Math.max(columns, split.length - 1);
        }
        int[] widths = new int[columns];
        for (String[] row : cells) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], Math.max(minWidth, width(row[i]) + PADDING));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            for (int i = 0; i < row.length; i++) {
                out.append(row[i]);
                if (i < row.length - 1) {
                    out.repeat(' ', widths[i] - width(row[i]));
                }
            }
            if (r < cells.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
