package dev.berth.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the here-document markers of an instruction line as BuildKit does: the line is split into shell
 * words (quotes and escapes kept, {@code << } kept with the word after it), and each word of the form
 * {@code [digits]<<[-][blanks]word} with no further {@code <} is a marker. A delimiter with any quoted part turns expansion off.
 */
final class HeredocFinder {

    private HeredocFinder() {
    }

    /** The markers of {@code line} in order, each with empty content. */
    static List<Heredoc> find(String line) {
        List<Heredoc> found = new ArrayList<>();
        for (String word : ShellWords.split(line, true, true).orElse(List.of())) {
            marker(word).ifPresent(found::add);
        }
        return found;
    }

    static Optional<Heredoc> marker(String word) {
        int digits = 0;
        while (digits < word.length() && word.charAt(digits) >= '0' && word.charAt(digits) <= '9') {
            digits++;
        }
        if (!word.startsWith("<<", digits)) {
            return Optional.empty();
        }
        int restStart = digits + 2;
        boolean chomp = restStart < word.length() && word.charAt(restStart) == '-';
        if (chomp) {
            restStart++;
        }
        // The \s* of BuildKit's ^(\d*)<<(-?)\s*([^<]*)$: Go's \s is [\t\n\f\r ].
        while (restStart < word.length() && " \t\n\f\r".indexOf(word.charAt(restStart)) >= 0) {
            restStart++;
        }
        String rest = word.substring(restStart);
        if (rest.isEmpty() || rest.indexOf('<') >= 0) {
            return Optional.empty();
        }
        Optional<List<String>> cooked = ShellWords.split(rest, false, false);
        Optional<List<String>> quoted = ShellWords.split(rest, true, false);
        if (cooked.isEmpty() || quoted.isEmpty() || cooked.get().size() != 1 || quoted.get().size() != 1) {
            return Optional.empty();
        }
        String name = cooked.get().getFirst();
        boolean expand = quoteCount(name) == quoteCount(quoted.get().getFirst());
        return Optional.of(new Heredoc(name, fileDescriptor(word.substring(0, digits)), expand, chomp, ""));
    }

    private static long quoteCount(String text) {
        return text.chars().filter(c -> c == '\'' || c == '"').count();
    }

    /** Go's {@code ParseUint} result; an empty number is 0 and an overflowing one saturates. */
    private static int fileDescriptor(String digits) {
        if (digits.isEmpty()) {
            return 0;
        }
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        return significant.length() > 10 ? Integer.MAX_VALUE : (int) Math.min(Long.parseLong(significant), Integer.MAX_VALUE);
    }
}
