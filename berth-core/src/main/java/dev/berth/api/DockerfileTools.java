package dev.berth.api;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.ignore.IgnoreFileReader;
import dev.berth.dockerfile.ignore.IgnoreMatcher;
import dev.berth.dockerfile.ignore.IgnorePattern;
import dev.berth.dockerfile.shell.Expansion;
import dev.berth.dockerfile.shell.ExpansionException;
import dev.berth.dockerfile.shell.WordExpander;
import dev.berth.dockerfile.shell.WordsExpansion;
import dev.berth.dockerfile.syntax.DockerfileParser;
import dev.berth.dockerfile.syntax.SyntaxTree;
import dev.berth.dockerfile.syntax.SyntaxTreeDumper;
import dev.berth.dockerfile.syntax.SyntaxTreeJsonDumper;
import java.util.List;
import java.util.Map;

/**
 * The Dockerfile frontend without a build, for {@code berth dockerfile} and {@code berth dockerignore}: parse
 * dumps, checks, variable expansion and ignore files, each as the build itself does it.
 */
final class DockerfileTools {

    private DockerfileTools() {
    }

    static DockerfileDump parse(SourceFile source, DockerfileDump.Format format) {
        SyntaxTree tree = new DockerfileParser().parse(source);
        String text = switch (format) {
            case BUILDKIT -> new SyntaxTreeDumper().dump(tree);
            case JSON -> new SyntaxTreeJsonDumper().dump(tree);
        };
        return new DockerfileDump(tree.warnings(), text);
    }

    static DockerfileCheck check(CheckRequest request) {
        return DockerfileInspection.check(request);
    }

    static VariableExpansion expandWord(String input, Map<String, String> env, char escape) {
        try {
            Expansion expansion = new WordExpander(escape).expand(input, env);
            return new VariableExpansion.Text(expansion.result(), List.copyOf(expansion.matched()),
                    List.copyOf(expansion.unmatched()));
        } catch (ExpansionException failure) {
            return new VariableExpansion.Failed(failure.getMessage());
        }
    }

    static VariableExpansion expandWords(String input, Map<String, String> env, char escape) {
        try {
            WordsExpansion expansion = new WordExpander(escape).expandWords(input, env);
            return new VariableExpansion.Words(expansion.words(), List.copyOf(expansion.matched()),
                    List.copyOf(expansion.unmatched()));
        } catch (ExpansionException failure) {
            return new VariableExpansion.Failed(failure.getMessage());
        }
    }

    static List<String> ignorePatterns(SourceFile file) {
        return new IgnoreFileReader().read(file).patterns().stream().map(IgnorePattern::text).toList();
    }

    static boolean ignores(List<String> patterns, String path) {
        return IgnoreMatcher.compile(patterns).matches(path);
    }
}
