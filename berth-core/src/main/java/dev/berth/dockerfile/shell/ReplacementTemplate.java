package dev.berth.dockerfile.shell;

/**
 * The replacement template of Go's {@code Regexp.ReplaceAllString}, which BuildKit applies to the
 * replacement of {@code ${VAR//p/r}}. BuildKit's patterns have no groups, so {@code $0} and
 * {@code ${0}} are the whole match, every other {@code $name} is empty, {@code $$} is a dollar, and a
 * {@code $} not followed by a name is kept.
 */
final class ReplacementTemplate {

    private ReplacementTemplate() {}

    static void expand(String template, String match, StringBuilder out) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            int end = nameEnd(template, i);
            if (end < 0) {
                out.append('$');
                continue;
            }
            String name = template.charAt(i) == '{' ? template.substring(i + 1, end - 1) : template.substring(i, end);
            if (name.equals("0")) {
                out.append(match);
            }
            i = end;
        }
        out.append(template, i, template.length());
    }

    /** The index after {@code name} or {@code {name}} starting at {@code start}, or -1 if malformed. */
    private static int nameEnd(String template, int start) {
        if (start >= template.length()) {
            return -1;
        }
        boolean brace = template.charAt(start) == '{';
        int i = brace ? start + 1 : start;
        int nameStart = i;
        while (i < template.length()) {
            int codePoint = template.codePointAt(i);
            if (!Character.isLetter(codePoint) && !Character.isDigit(codePoint) && codePoint != '_') {
                break;
            }
            i += Character.charCount(codePoint);
        }
        if (i == nameStart) {
            return -1;
        }
        if (brace) {
            if (i >= template.length() || template.charAt(i) != '}') {
                return -1;
            }
            i++;
        }
        return i;
    }
}
