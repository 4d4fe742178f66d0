package dev.berth.sbom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Paragraphs of {@code Field: value} lines as dpkg's status file and Python's METADATA (email headers) write them:
 * a blank line ends a paragraph, a line starting with a space or tab continues the field above. Field names are
 * lowercased (both formats compare them case-insensitively); a field that repeats keeps every value.
 */
record ControlParagraphs(List<Map<String, List<String>>> paragraphs) {

    static ControlParagraphs parse(byte[] bytes) {
        return parse(new String(bytes, StandardCharsets.UTF_8), false);
    }

    /** The first paragraph only: an email's headers, before its body. */
    static Map<String, List<String>> headers(byte[] bytes) {
        List<Map<String, List<String>>> paragraphs = parse(new String(bytes, StandardCharsets.UTF_8), true).paragraphs();
        return paragraphs.isEmpty() ? Map.of() : paragraphs.getFirst();
    }

    private static ControlParagraphs parse(String text, boolean firstOnly) {
        List<Map<String, List<String>>> paragraphs = new ArrayList<>();
        Map<String, List<String>> current = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    if (firstOnly) {
                        return new ControlParagraphs(paragraphs);
                    }
                    current = new LinkedHashMap<>();
                    last = null;
                }
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                List<String> values = current.get(last);
                values.set(values.size() - 1, values.getLast() + "\n" + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            current.computeIfAbsent(last, key -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }
        return new ControlParagraphs(paragraphs);
    }

    /** The field's first value's first line, or empty. */
    static String first(Map<String, List<String>> paragraph, String field) {
        List<String> values = paragraph.get(field);
        if (values == null || values.isEmpty()) {
            return "";
        }
        String value = values.getFirst();
        int newline = value.indexOf('\n');
        return newline < 0 ? value : value.substring(0, newline);
    }
}
