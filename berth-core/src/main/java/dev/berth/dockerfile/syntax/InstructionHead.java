package dev.berth.dockerfile.syntax;

import dev.berth.golang.GoStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keyword, the leading {@code --flags} and the rest of one instruction line, split as BuildKit's
 * {@code splitCommand} does.
 *
 * @param keyword the first word, lower case
 * @param flags the leading words starting with {@code --}, quotes and backslashes processed
 * @param rest the remaining text, surrounding white space removed
 * @param keywordOffset where the keyword starts in the line given to {@link #split}
 */
record InstructionHead(String keyword, List<String> flags, String rest, int keywordOffset) {

    InstructionHead {
        flags = List.copyOf(flags);
    }

    static InstructionHead split(String line) {
        String trimmed = GoStrings.trimSpace(line);
        int offset = line.length() - GoStrings.trimLeftSpace(line).length();
        int wordEnd = 0;
        while (wordEnd < trimmed.length() && !ArgumentReader.isBlank(trimmed.charAt(wordEnd))) {
            wordEnd++;
        }
        String keyword = trimmed.substring(0, wordEnd).toLowerCase(Locale.ROOT);
        if (wordEnd == trimmed.length()) {
            return new InstructionHead(keyword, List.of(), "", offset);
        }
        int restStart = wordEnd;
        while (restStart < trimmed.length() && ArgumentReader.isBlank(trimmed.charAt(restStart))) {
            restStart++;
        }
        String remainder = trimmed.substring(restStart);
        List<String> flags = new ArrayList<>();
        String rest = extractFlags(remainder, flags);
        return new InstructionHead(keyword, flags, GoStrings.trimSpace(rest), offset);
    }

    /**
     * BuildKit's {@code extractBuilderFlags}. It walks bytes, not runes, so a non-ASCII flag comes out
     * byte by byte as Latin-1 characters; this keeps that, and starts with the common case of no flag.
     */
    private static String extractFlags(String remainder, List<String> flags) {
        int first = 0;
        while (first < remainder.length() && remainder.charAt(first) < 0x80
                && GoStrings.isSpace(remainder.charAt(first))) {
            first++;
        }
        if (!remainder.startsWith("--", first)) {
            return remainder.substring(first);
        }
        byte[] line = remainder.getBytes(StandardCharsets.UTF_8);
        boolean inQuote = false;
        boolean inWord = false;
        boolean blankOk = false;
        byte quote = 0;
        StringBuilder word = new StringBuilder();
        for (int pos = 0; pos <= line.length; pos++) {
            int ch = pos < line.length ? line[pos] & 0xFF : -1;
            if (!inWord && !inQuote) {
                if (pos == line.length) {
                    break;
                }
                if (GoStrings.isSpace(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == line.length || line[pos + 1] != '-') {
                    return tail(line, pos);
                }
                inWord = true;
            }
            if (pos == line.length) {
                if (!word.toString().equals("--") && (blankOk || !word.isEmpty())) {
                    flags.add(word.toString());
                }
                break;
            }
            if (inWord) {
                if (GoStrings.isSpace(ch)) {
                    inWord = false;
                    if (word.toString().equals("--")) {
                        return tail(line, pos);
                    }
                    if (blankOk || !word.isEmpty()) {
                        flags.add(word.toString());
                    }
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = (byte) ch;
                    blankOk = true;
                    inWord = false;
                    inQuote = true;
                    continue;
                }
            } else if (ch == (quote & 0xFF)) {
                inQuote = false;
                inWord = true;
                continue;
            }
            if (ch == '\\') {
                if (pos + 1 == line.length) {
                    if (inQuote) {
                        inQuote = false;
                        inWord = true;
                    }
                    continue;
                }
                pos++;
                ch = line[pos] & 0xFF;
            }
            word.append((char) ch);
        }
        return "";
    }

    private static String tail(byte[] line, int from) {
        return new String(line, from, line.length - from, StandardCharsets.UTF_8);
    }
}
