package dev.berth.dockerfile.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads a plain-text table of expansion cases: {@code input | env | expected [| names]}, one a line.
 *
 * <p>Cells are split on {@code " | "}. {@code <EMPTY>} is an empty cell; {@code <NL> <CR> <TAB> <SP>
 * <BAR> <BOM> <NBSP> <EMSP> <COMMA>} stand for the characters they name. The env cell is {@code -} or
 * {@code NAME=value} entries separated by commas. An expected cell {@code !OFFSET message} is an error.
 * The optional names cell lists {@code +NAME} (matched) and {@code -NAME} (unmatched), or {@code none}.
 * Lines starting with {@code #} are comments; {@code @escape C} switches the escape character.
 */
record CaseTable(List<Case> cases) {

    record Case(int line, char escape, String input, Map<String, String> env, String expected,
                Optional<Names> names) {
        boolean expectsError() {
            return expected.startsWith("!");
        }

        int errorOffset() {
            return Integer.parseInt(expected.substring(1, expected.indexOf(' ')));
        }

        String errorMessage() {
            return expected.substring(expected.indexOf(' ') + 1);
        }

        @Override
        public String toString() {
            return "line " + line + " [" + escape + "] " + input.replace("\n", "\\n");
        }
    }

    record Names(TreeSet<String> matched, TreeSet<String> unmatched) {}

    static CaseTable read(String resource) throws IOException {
        try (InputStream in = CaseTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Case> cases = new ArrayList<>();
            char escape = '\\';
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("@escape ")) {
                    escape = line.charAt("@escape ".length());
                    continue;
                }
                cases.add(parse(i + 1, escape, line));
            }
            return new CaseTable(cases);
        }
    }

    private static Case parse(int number, char escape, String line) {
        String[] cells = line.split(" \\| ", -1);
        if (cells.length != 3 && cells.length != 4) {
            throw new IllegalArgumentException("line " + number + ": expected 3 or 4 cells: " + line);
        }
        Optional<Names> names = cells.length == 4 ? Optional.of(names(cells[3])) : Optional.empty();
        return new Case(number, escape, unescape(cells[0]), env(cells[1]), unescape(cells[2]), names);
    }

    private static Map<String, String> env(String cell) {
        Map<String, String> env = new LinkedHashMap<>();
        if (cell.equals("-")) {
            return env;
        }
        for (String entry : cell.split(",", -1)) {
            int equals = entry.indexOf('=');
            env.put(unescape(entry.substring(0, equals)), unescape(entry.substring(equals + 1)));
        }
        return env;
    }

    private static Names names(String cell) {
        TreeSet<String> matched = new TreeSet<>();
        TreeSet<String> unmatched = new TreeSet<>();
        if (!cell.equals("none")) {
            for (String token : cell.split(" ")) {
                (token.charAt(0) == '+' ? matched : unmatched).add(token.substring(1));
            }
        }
        return new Names(matched, unmatched);
    }

    static String unescape(String cell) {
        if (cell.equals("<EMPTY>")) {
            return "";
        }
        return cell.replace("<NL>", "\n").replace("<CR>", "\r").replace("<TAB>", "\t").replace("<SP>", " ")
                .replace("<BAR>", "|").replace("<BOM>", "\uFEFF").replace("<NBSP>", "\u00A0")
                .replace("<EMSP>", "\u2003").replace("<COMMA>", ",");
    }
}
