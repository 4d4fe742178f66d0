package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.syntax.Node;
import dev.berth.dockerfile.syntax.SyntaxTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BuildKit's {@code LegacyKeyValueFormat}: {@code ENV k v} and {@code LABEL k v} without {@code =}. The
 * typed instructions no longer know which form was written, so this reads the syntax tree, whose
 * (key, value, separator) triples keep an empty separator for the legacy form.
 */
final class LegacyFormLinter {

    private final String file;

    LegacyFormLinter(String file) {
        this.file = file;
    }

    List<Finding> lint(SyntaxTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (Node node : tree.children()) {
            boolean keyValue = node.keyword().equals("env") || node.keyword().equals("label");
            // BuildKit reads ONBUILD triggers only in the child build, so only top-level instructions count.
            if (keyValue && node.args().size() == 3 && node.args().get(2).isEmpty()) {
                String keyword = node.keyword().toUpperCase(Locale.ROOT);
                Rule rule = Rule.LEGACY_KEY_VALUE_FORMAT;
                SourceRange range = SourceRange.columns(node.startLine(), node.startColumn(),
                        node.startColumn() + keyword.length());
                findings.add(Finding.warning(rule, Diagnostic.warning(file, range, rule.checkName() + ": \""
                        + keyword + " key=value\" should be used instead of legacy \"" + keyword
                        + " key value\" format").withHint(hint(keyword, node.args()) + "see " + rule.url())));
            }
        }
        return findings;
    }

    private static String hint(String keyword, List<String> args) {
        String value = args.get(1);
        if (value.contains("\"") || value.contains("\\") || value.contains("$")) {
            return "";
        }
        return "write " + keyword + " " + args.get(0) + "=\"" + value + "\"; ";
    }
}
