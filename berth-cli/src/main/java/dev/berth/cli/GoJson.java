package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.image.GoJsonString;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * JSON as Docker's CLI prints it through Go's {@code encoding/json}: {@code <}, {@code >} and {@code &}
 * escaped, members in the given order, and {@code MarshalIndent}'s layout ({@code "key": value}, four
 * spaces, {@code []} and {@code {}} for empty containers).
 */
final class GoJson {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private GoJson() {
    }

    static String compact(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, null, "");
        return out.toString();
    }

    static String indent(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, "    ", "");
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out, String step, String indent) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> members = node.properties().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                newline(out, step, indent + (step == null ? "" : step));
                quote(member.getKey(), out);
                out.append(step == null ? ":" : ": ");
                write(member.getValue(), out, step, indent + (step == null ? "" : step));
                if (members.hasNext()) {
                    out.append(',');
                }
            }
            newline(out, step, indent);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                newline(out, step, indent + (step == null ? "" : step));
                write(node.get(i), out, step, indent + (step == null ? "" : step));
                if (i < node.size() - 1) {
                    out.append(',');
                }
            }
            newline(out, step, indent);
            out.append(']');
        } else if (node.isTextual()) {
            quote(node.asText(), out);
        } else {
            out.append(node.toString());
        }
    }

    private static void newline(StringBuilder out, String step, String indent) {
        if (step != null) {
            out.append('\n').append(indent);
        }
    }

    static String quote(String text) {
        return GoJsonString.quoted(text);
    }

    private static void quote(String text, StringBuilder out) {
        GoJsonString.appendQuoted(text, out);
    }

    /** Go's {@code time.RFC3339Nano} in UTC: the fraction without trailing zeros. */
    static String time(Instant instant) {
        String text = SECONDS.format(instant);
        if (instant.getNano() != 0) {
            text += ("." + "%09d".formatted(instant.getNano())).replaceAll("0+$", "");
        }
        return text + "Z";
    }

    /** Go's {@code time.RFC3339Nano} keeping the time's own offset ({@code Z} when it is zero), as Go marshals it. */
    static String time(OffsetDateTime time) {
        int seconds = time.getOffset().getTotalSeconds();
        String local = time(time.toInstant().plusSeconds(seconds));
        if (seconds == 0) {
            return local;
        }
        return local.substring(0, local.length() - 1) + time.getOffset().getId();
    }

    /** Go's {@code time.Time.String()} of an RFC 3339 time, as a template prints a {@code time.Time} member. */
    static Optional<String> timeString(String rfc3339) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(rfc3339);
            String text = time(time.toInstant().plusSeconds(time.getOffset().getTotalSeconds()))
                    .replace('T', ' ').replace("Z", "");
            int seconds = time.getOffset().getTotalSeconds();
            String offset = "%s%02d%02d".formatted(seconds < 0 ? "-" : "+", Math.abs(seconds) / 3600,
                    Math.abs(seconds) / 60 % 60);
            // A UTC time is in Go's UTC location; any other offset decodes into a nameless zone, printed twice.
            return Optional.of(text + " " + offset + " " + (seconds == 0 ? "UTC" : offset));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
