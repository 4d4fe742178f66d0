package dev.berth.dockerfile.syntax;

import dev.berth.diagnostic.SourceFile;
import dev.berth.golang.GoStrconv;
import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one logical instruction line into a {@link Node}: keyword, flags, arguments, and for ONBUILD the
 * wrapped instruction. Nested ONBUILDs are read in a loop, never by recursion, and their depth is capped.
 */
final class InstructionReader {

    /**
     * BuildKit's parser nests ONBUILD without limit (its instruction layer rejects any nesting); this cap
     * keeps trees, their dumps and their {@code equals} shallow whatever the input.
     */
    static final int MAX_ONBUILD_DEPTH = 64;

    private static final Set<String> HEREDOC_KEYWORDS = Set.of("run", "copy", "add");

    /** One level of the ONBUILD chain before positions are final. */
    private record Draft(String keyword, List<String> flags, ArgumentReader.Arguments arguments, String original,
                         int column) {
    }

    private final SourceFile source;
    private final char escapeToken;
    private final List<Draft> chain = new ArrayList<>();
    private final int startLine;

    InstructionReader(SourceFile source, char escapeToken, String line, int startLine, int column) {
        this.source = source;
        this.escapeToken = escapeToken;
        this.startLine = startLine;
        read(line, column);
    }

    /** Whether BuildKit reads here-documents after this instruction (RUN, COPY, ADD, or ONBUILD of one). */
    boolean takesHeredocs() {
        Draft target = chain.size() > 1 && chain.getFirst().keyword().equals("onbuild") ? chain.get(1) : chain.getFirst();
        return HEREDOC_KEYWORDS.contains(target.keyword()) && !target.arguments().json();
    }

    int column() {
        return chain.getFirst().column();
    }

    /** The node, its here-documents attached to the outermost instruction as BuildKit does. */
    Node node(List<Heredoc> heredocs, int endLine) {
        Optional<Node> child = Optional.empty();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Draft draft = chain.get(i);
            child = Optional.of(new Node(draft.keyword(), draft.flags(), draft.arguments().values(),
                    draft.arguments().json(), draft.original(), i == 0 ? heredocs : List.of(), child,
                    startLine, endLine, draft.column()));
        }
        return child.orElseThrow();
    }

    private void read(String line, int column) {
        String current = line;
        int currentColumn = column;
        while (true) {
            InstructionHead head = InstructionHead.split(current);
            int keywordColumn = currentColumn + head.keywordOffset();
            checkKeyword(head.keyword(), keywordColumn);
            if (!head.keyword().equals("onbuild")) {
                chain.add(new Draft(head.keyword(), head.flags(), arguments(head, keywordColumn), current, keywordColumn));
                return;
            }
            chain.add(new Draft("onbuild", head.flags(), ArgumentReader.Arguments.NONE, current, keywordColumn));
            if (head.rest().isEmpty()) {
                return;
            }
            if (chain.size() > MAX_ONBUILD_DEPTH) {
                throw SyntaxError.at(source, startLine, keywordColumn, keywordColumn + head.keyword().length(),
                        "ONBUILD nested more than " + MAX_ONBUILD_DEPTH + " levels deep",
                        "Docker does not allow ONBUILD ONBUILD at all; remove the repeated ONBUILD");
            }
            int restOffset = current.length() - (current.length() - GoStrings.trimRightSpace(current).length())
                    - head.rest().length();
            currentColumn = restOffset >= 0 ? currentColumn + restOffset : keywordColumn;
            current = head.rest();
        }
    }

    private ArgumentReader.Arguments arguments(InstructionHead head, int keywordColumn) {
        try {
            return ArgumentReader.read(head.keyword(), head.rest(), escapeToken);
        } catch (ArgumentReader.MalformedException malformed) {
            throw SyntaxError.at(source, startLine, keywordColumn, keywordColumn + head.keyword().length(),
                    malformed.getMessage());
        }
    }

    /** A keyword is a word of letters, digits, {@code _} and {@code -}; anything else cannot start an instruction. */
    private void checkKeyword(String keyword, int column) {
        if (keyword.isEmpty()) {
            throw SyntaxError.at(source, startLine, column, column + 1,
                    "a line continuation at the end of the file continues no instruction",
                    "remove the trailing " + escapeToken + " or add the instruction it should continue to");
        }
        boolean valid = Character.isLetter(keyword.charAt(0)) && keyword.charAt(0) < 0x80;
        for (int i = 1; valid && i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
        if (!valid) {
            throw SyntaxError.at(source, startLine, column, column + Math.min(keyword.length(), 80),
                    "expected an instruction keyword such as RUN or COPY, found "
                            + GoStrconv.quote(abbreviate(keyword)),
                    "if this continues the previous instruction, end that line with " + escapeToken);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
