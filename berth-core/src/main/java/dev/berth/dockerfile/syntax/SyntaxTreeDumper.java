package dev.berth.dockerfile.syntax;

import dev.berth.golang.GoStrconv;

/**
 * Prints a tree in the s-expression form of BuildKit's parser test data ({@code Node.Dump()} plus a final
 * newline): one line per instruction, {@code (keyword ["--flag" ...] "arg" ...)}, strings quoted by Go's
 * {@code strconv.Quote} rules, ONBUILD as {@code (onbuild (run "echo"))}. Here-documents are not shown,
 * as in BuildKit.
 */
public final class SyntaxTreeDumper {

    /** The dump of every instruction, each on its own line, ending with a newline. */
    public String dump(SyntaxTree tree) {
        StringBuilder out = new StringBuilder();
        for (Node node : tree.children()) {
            out.append('(');
            appendNode(out, node);
            out.append(")\n");
        }
        return out.toString();
    }

    /** The dump of one instruction without the surrounding parentheses. */
    public String dump(Node node) {
        StringBuilder out = new StringBuilder();
        appendNode(out, node);
        return out.toString();
    }

    private static void appendNode(StringBuilder out, Node node) {
        int depth = 0;
        for (Node current = node; current != null; current = current.child().orElse(null)) {
            if (depth > 0) {
                out.append(" (");
            }
            out.append(current.keyword());
            if (!current.flags().isEmpty()) {
                out.append(" [");
                for (int i = 0; i < current.flags().size(); i++) {
                    out.append(i == 0 ? "" : " ").append(GoStrconv.quote(current.flags().get(i)));
                }
                out.append(']');
            }
            for (String arg : current.args()) {
                out.append(' ').append(GoStrconv.quote(arg));
            }
            depth++;
        }
        out.append(")".repeat(depth - 1));
    }
}
