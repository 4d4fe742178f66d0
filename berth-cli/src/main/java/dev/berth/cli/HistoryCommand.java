package dev.berth.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Berth;
import dev.berth.api.HistoryRow;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth history IMAGE}: the steps that made an image, newest first, in Docker's columns. */
@Command(name = "history", description = "Show the history of an image.", mixinStandardHelpOptions = true)
class HistoryCommand implements Callable<Integer> {

    static final String DEFAULT_FORMAT = "table {{.ID}}\\t{{.CreatedSince}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}";
    static final Map<String, String> TITLES = Map.of("ID", "IMAGE", "CreatedSince", "CREATED",
            "CreatedAt", "CREATED AT", "CreatedBy", "CREATED BY");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Docker cuts CREATED BY to this many characters, the last one an ellipsis. */
    private static final int CREATED_BY_WIDTH = 45;

    @Mixin
    BerthOptions berth;

    @Option(names = {"-H", "--human"}, arity = "1", defaultValue = "true",
            description = "Print sizes and dates in human readable format (default: true).")
    boolean human = true;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    boolean noTrunc;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format the output using a Go-like template.")
    String format;

    @Parameters(paramLabel = "IMAGE")
    String image;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<HistoryRow> rows;
        try (Berth store = berth.open()) {
            rows = store.history(image);
        }
        print(rows, berth.clock().instant(), spec.commandLine().getOut());
        return 0;
    }

    void print(List<HistoryRow> rows, Instant now, PrintWriter out) {
        new Listing(DEFAULT_FORMAT, TITLES).print(rows.stream().map(row -> fields(row, now)).toList(), format, quiet, out);
    }

    ObjectNode fields(HistoryRow row, Instant now) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Comment", row.comment());
        node.put("CreatedAt", row.created().map(RFC3339::format).orElse(""));
        node.put("CreatedBy", createdBy(row.createdBy()));
        node.put("CreatedSince", human ? RelativeTime.since(row.created(), now)
                : row.created().map(RFC3339::format).orElse(""));
        node.put("ID", row.image().map(id -> noTrunc ? id.toString() : id.shortHex()).orElse("<missing>"));
        node.put("Size", human ? ByteSize.format(row.size(), 3) : Long.toString(row.size()));
        return node;
    }

    private String createdBy(String text) {
        String flat = text.replace('\t', ' ');
        if (noTrunc || flat.codePointCount(0, flat.length()) <= CREATED_BY_WIDTH) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, CREATED_BY_WIDTH - 1)) + "…";
    }
}
