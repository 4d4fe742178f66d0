package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * How Docker's listing commands print rows: {@code -q} gives IDs, no {@code --format} (or {@code table})
 * the default table, {@code json} one JSON object a line, anything else a Go template; a {@code table}
 * template gets a header of column titles, and columns are aligned like Go's tabwriter.
 *
 * @param defaultFormat the {@code table ...} template used without {@code --format}
 * @param titles the header text of each field a table may show
 */
record Listing(String defaultFormat, Map<String, String> titles) {

    void print(List<ObjectNode> rows, String format, boolean quiet, PrintWriter out) {
        String chosen = quiet ? "{{.ID}}" : format == null || format.equals("table") ? defaultFormat
                : format.equals("json") ? "{{json .}}" : format;
        GoTemplate template = GoTemplate.parse(chosen);
        StringBuilder text = new StringBuilder();
        if (template.isTable()) {
            text.append(template.header(titles)).append('\n');
        }
        rows.forEach(row -> text.append(template.render(row)).append('\n'));
        out.print(TabWriter.align(text.toString()));
        out.flush();
    }
}
