package dev.berth.dockerfile.syntax;

import java.util.List;
import java.util.Optional;

/** Stand-in (replaced at merge): one instruction as written, without meaning. */
public record Node(String keyword, List<String> flags, List<String> args, boolean json, String original,
        List<Heredoc> heredocs, Optional<Node> child, int startLine, int endLine, int startColumn) {

    public Node {
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        heredocs = List.copyOf(heredocs);
    }
}
