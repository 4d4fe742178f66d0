package dev.berth.dockerfile.syntax;

import dev.berth.golang.GoStrconv;
import dev.berth.golang.GoStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits an instruction's arguments the way BuildKit's per-keyword line parsers do. ONBUILD is not
 * handled here: its argument is an instruction, which {@link InstructionReader} reads.
 */
final class ArgumentReader {

    /** The arguments, and whether they came from the JSON (exec) form. */
    record Arguments(List<String> values, boolean json) {
        Arguments {
            values = List.copyOf(values);
        }

        static final Arguments NONE = new Arguments(List.of(), false);
    }

    /** The arguments cannot be read; the message is BuildKit's. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    private ArgumentReader() {
    }

    static Arguments read(String keyword, String rest, char escapeToken) throws MalformedException {
        return switch (keyword) {
            case "add", "copy", "volume" -> jsonOrWords(rest);
            case "cmd", "entrypoint", "run", "shell" -> jsonOrString(rest);
            case "arg" -> new Arguments(QuoteKeepingSplitter.split(rest, escapeToken), false);
            case "env" -> keyValues(rest, "ENV", escapeToken);
            case "label" -> keyValues(rest, "LABEL", escapeToken);
            case "expose", "from" -> new Arguments(blankSeparated(rest), false);
            case "healthcheck" -> healthcheck(rest);
            case "maintainer", "stopsignal", "user", "workdir" -> rest.isEmpty() ? Arguments.NONE
                    : new Arguments(List.of(rest), false);
            // BuildKit keeps an unknown instruction with one empty argument; the instruction layer rejects it.
            default -> new Arguments(List.of(""), false);
        };
    }

    private static Optional<Arguments> json(String rest) throws MalformedException {
        try {
            return JsonStringArray.parse(rest).map(values -> new Arguments(values, true));
        } catch (JsonStringArray.NotStringsException notStrings) {
            throw new MalformedException(notStrings.getMessage());
        }
    }

    private static Arguments jsonOrString(String rest) throws MalformedException {
        if (rest.isEmpty()) {
            return Arguments.NONE;
        }
        Optional<Arguments> json = json(rest);
        return json.isPresent() ? json.get() : new Arguments(List.of(rest), false);
    }

    private static Arguments jsonOrWords(String rest) throws MalformedException {
        Optional<Arguments> json = json(rest);
        return json.isPresent() ? json.get() : new Arguments(blankSeparated(rest), false);
    }

    /**
     * The characters of BuildKit's {@code [\t\v\f\r ]} class, which splits whitespace-delimited arguments
     * and an instruction's keyword from its arguments: narrower than Go's white space, with no newline and
     * nothing beyond ASCII.
     */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Go's {@code regexp.Split} on {@code [\t\v\f\r ]+} of an already trimmed text. */
    static List<String> blankSeparated(String rest) {
        List<String> words = new ArrayList<>();
        if (rest.isEmpty()) {
            return words;
        }
        int start = 0;
        int i = 0;
        while (i < rest.length()) {
            if (isBlank(rest.charAt(i))) {
                words.add(rest.substring(start, i));
                while (i < rest.length() && isBlank(rest.charAt(i))) {
                    i++;
                }
                start = i;
            } else {
                i++;
            }
        }
        words.add(rest.substring(start));
        return words;
    }

    /** ENV and LABEL: {@code k=v ...} gives (k, v, "=") triples, legacy {@code k v} one (k, v, "") triple. */
    private static Arguments keyValues(String rest, String name, char escapeToken) throws MalformedException {
        List<String> words = QuoteKeepingSplitter.split(rest, escapeToken);
        if (words.isEmpty()) {
            return Arguments.NONE;
        }
        if (!words.getFirst().contains("=")) {
            List<String> parts = blankSeparatedOnce(rest);
            if (parts.size() < 2) {
                throw new MalformedException(name + " must have two arguments");
            }
            return new Arguments(List.of(parts.get(0), parts.get(1), ""), false);
        }
        List<String> triples = new ArrayList<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw new MalformedException("Syntax error - can't find = in " + GoStrconv.quote(word)
                        + ". Must be of the form: name=value");
            }
            triples.add(word.substring(0, equals));
            triples.add(word.substring(equals + 1));
            triples.add("=");
        }
        return new Arguments(triples, false);
    }

    private static List<String> blankSeparatedOnce(String rest) {
        int i = 0;
        while (i < rest.length() && !isBlank(rest.charAt(i))) {
            i++;
        }
        if (i == rest.length()) {
            return List.of(rest);
        }
        int next = i;
        while (next < rest.length() && isBlank(rest.charAt(next))) {
            next++;
        }
        return List.of(rest.substring(0, i), rest.substring(next));
    }

    /**
     * HEALTHCHECK: the type word, then the command as for CMD. BuildKit finds the type's end byte by byte,
     * so a UTF-8 continuation byte 0x85 or 0xA0 counts as a space; this does the same on the UTF-8 bytes.
     */
    private static Arguments healthcheck(String rest) throws MalformedException {
        if (rest.isEmpty()) {
            return Arguments.NONE;
        }
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        int sep = 0;
        while (sep < bytes.length && !GoStrings.isSpace(bytes[sep] & 0xFF)) {
            sep++;
        }
        int next = sep;
        while (next < bytes.length && GoStrings.isSpace(bytes[next] & 0xFF)) {
            next++;
        }
        String type = new String(bytes, 0, sep, StandardCharsets.UTF_8);
        Arguments command = jsonOrString(new String(bytes, next, bytes.length - next, StandardCharsets.UTF_8));
        List<String> values = new ArrayList<>();
        values.add(type);
        values.addAll(command.values());
        return new Arguments(values, command.json());
    }
}
