package dev.berth.dockerfile.syntax;

import dev.berth.diagnostic.SourceFile;
import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads parser directives from the lines at the top of a Dockerfile, as BuildKit's directive parser does:
 * every line is offered until the first one that is not a {@code # name=value} comment with a known name,
 * so a directive after an instruction, a blank line or another comment is just a comment.
 */
final class DirectiveReader {

    private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

    private final SourceFile source;
    private final List<Directive> directives = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private boolean done;
    private char escapeToken = '\\';

    DirectiveReader(SourceFile source) {
        this.source = source;
    }

    char escapeToken() {
        return escapeToken;
    }

    List<Directive> directives() {
        return directives;
    }

    /** Offers one line (without its ending); {@code column} is where {@code token} starts in the line. */
    void offer(String token, int line, int column) {
        if (done) {
            return;
        }
        if (!token.startsWith("#")) {
            done = true;
            return;
        }
        String body = GoStrings.trimLeftSpace(token.substring(1));
        int nameEnd = 0;
        while (nameEnd < body.length() && isNameChar(body.charAt(nameEnd), nameEnd == 0)) {
            nameEnd++;
        }
        int equals = skipPerlSpace(body, nameEnd);
        if (nameEnd == 0 || equals >= body.length() || body.charAt(equals) != '=') {
            done = true;
            return;
        }
        String value = directiveValue(body.substring(equals + 1));
        String name = body.substring(0, nameEnd).toLowerCase(Locale.ROOT);
        if (value.isEmpty() || !KNOWN.contains(name)) {
            done = true;
            return;
        }
        int end = column + token.length();
        if (!seen.add(name)) {
            throw SyntaxError.at(source, line, column, end, "only one " + name + " parser directive can be used");
        }
        if (name.equals("escape")) {
            if (!value.equals("\\") && !value.equals("`")) {
                throw SyntaxError.at(source, line, column, end,
                        "invalid escape token '" + value + "' does not match ` or \\", "use # escape=` or # escape=\\");
            }
            escapeToken = value.charAt(0);
        }
        directives.add(new Directive(name, value, line));
    }

    private static boolean isNameChar(char c, boolean first) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return first ? letter : letter || (c >= '0' && c <= '9');
    }

    /** Go's {@code \s}: {@code [\t\n\f\r ]}. */
    private static boolean isPerlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static int skipPerlSpace(String text, int from) {
        int i = from;
        while (i < text.length() && isPerlSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * What {@code \s*(.+?)\s*$} captures after the {@code =}: surrounding spaces dropped, but never the last
     * character, so a value of only spaces is one space.
     */
    private static String directiveValue(String rest) {
        if (rest.isEmpty()) {
            return "";
        }
        int from = 0;
        while (from < rest.length() - 1 && isPerlSpace(rest.charAt(from))) {
            from++;
        }
        int to = rest.length();
        while (to - from > 1 && isPerlSpace(rest.charAt(to - 1))) {
            to--;
        }
        return rest.substring(from, to);
    }
}
