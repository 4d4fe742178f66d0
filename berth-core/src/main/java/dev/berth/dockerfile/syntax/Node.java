package dev.berth.dockerfile.syntax;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One instruction as written, without meaning: the keyword, the flags, the arguments as BuildKit's parser
 * splits them for that keyword, and where it is.
 *
 * <p>{@code args} follows BuildKit's parse tree: shell form is one string, exec form one string per JSON
 * element ({@code json} set), ENV and LABEL are flat (key, value, separator) triples with separator
 * {@code "="} or {@code ""} for the legacy {@code ENV k v} form, HEALTHCHECK is the type ({@code CMD},
 * {@code NONE}) followed by the command, and an unknown keyword has the single argument {@code ""}.
 *
 * @param keyword the instruction name in lower case, as written ({@code run}, {@code coppy})
 * @param flags the leading {@code --name=value} words, quotes removed, in order
 * @param original the instruction's text: continuations joined, comment lines and escapes at line ends removed
 * @param heredocs the here-documents, in the order their markers appear
 * @param child ONBUILD's wrapped instruction
 * @param startLine the 1-based line the instruction starts on
 * @param endLine the last line it covers, here-documents included
 * @param startColumn the 1-based column of the keyword on {@code startLine}
 */
public record Node(String keyword, List<String> flags, List<String> args, boolean json, String original,
                   List<Heredoc> heredocs, Optional<Node> child, int startLine, int endLine, int startColumn) {

    public Node {
        Objects.requireNonNull(keyword, "keyword");
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        Objects.requireNonNull(original, "original");
        heredocs = List.copyOf(heredocs);
        Objects.requireNonNull(child, "child");
        if (startLine < 1 || endLine < startLine || startColumn < 1) {
            throw new IllegalArgumentException(
                    "invalid position %d-%d:%d".formatted(startLine, endLine, startColumn));
        }
    }
}
