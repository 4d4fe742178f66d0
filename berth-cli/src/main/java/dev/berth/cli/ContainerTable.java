package dev.berth.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.ContainerSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The fields of one {@code berth ps} row, as Docker's container formatter gives them. */
final class ContainerTable {

    static final String DEFAULT_FORMAT =
            "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}";
    static final Map<String, String> TITLES = Map.of("ID", "CONTAINER ID", "RunningFor", "CREATED",
            "CreatedAt", "CREATED AT", "LocalVolumes", "LOCAL VOLUMES");
    /** Docker truncates the command to this many characters, the last one an ellipsis. */
    private static final int COMMAND_WIDTH = 20;
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'")
            .withZone(ZoneOffset.UTC);

    private ContainerTable() {
    }

    static ObjectNode fields(ContainerSummary row, Instant now, boolean truncate) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String command = command(row.command());
        node.put("Command", quote(truncate ? ellipsis(command, COMMAND_WIDTH) : command));
        node.put("CreatedAt", GO_TIME.format(row.created()));
        node.put("ID", truncate ? row.shortId() : row.id());
        node.put("Image", truncate && row.image().startsWith("sha256:") && row.image().length() > 19
                ? row.image().substring(7, 19) : row.image());
        node.put("Labels", new TreeMap<>(row.labels()).entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(",")));
        node.put("LocalVolumes", "0");
        node.put("Mounts", "");
        node.put("Names", row.name());
        node.put("Networks", row.network());
        node.put("Ports", String.join(", ", row.ports()));
        node.put("RunningFor", RelativeTime.since(Optional.of(row.created()), now));
        node.put("Size", "0B");
        node.put("State", row.state());
        node.put("Status", row.status());
        return node;
    }

    /** Docker's command text: the arguments joined by spaces, one holding a space put in single quotes. */
    static String command(java.util.List<String> args) {
        return args.stream().map(arg -> arg.contains(" ") ? "'" + arg + "'" : arg).collect(Collectors.joining(" "));
    }

    /** go-units' {@code Ellipsis}: at most {@code width} characters, the last an ellipsis when cut. */
    static String ellipsis(String text, int width) {
        int length = text.codePointCount(0, text.length());
        if (length <= width) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }

    /** Go's {@code strconv.Quote}, which Docker applies to the command: printable text kept, the rest escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append("\\x%02x".formatted(c));
                    } else if (Character.isISOControl(c) || !Character.isDefined(c)) {
                        out.append(c > 0xffff ? "\\U%08x".formatted(c) : "\\u%04x".formatted(c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
