package dev.berth.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import dev.berth.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Totality: whatever the text, the parser returns a tree or throws {@link InvalidInputException}, and
 * what it returns can be dumped. Inputs are built from Dockerfile fragments so that the interesting paths
 * (directives, continuations, heredocs, JSON, flags, ONBUILD) are reached, plus raw bytes and characters.
 */
class DockerfileParserProperties {

    private static final List<String> FRAGMENTS = List.of(
            "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "LABEL ", "ARG ", "ONBUILD ", "HEALTHCHECK ", "CMD ",
            "SHELL ", "VOLUME ", "EXPOSE ", "USER ", "# escape=`", "# escape=\\", "# syntax=x", "# check=y", "#",
            "\n", "\r\n", "\r", "\\", "`", "\\\n", "`\n", " ", "\t", "\u00a0", "\uFEFF", "\u0000", "[", "]", "\"",
            "'", ",", "=", "<<", "<<-", "3<<", "EOF", "\nEOF\n", "\tEOF", "--mount=type=cache", "--", "-", "{",
            "}", ":", "${A}", "$", "NONE", "a", "1", "é", "😀", "\ud800", "[\"a\"]", "[\"a\", 1]", "[[[[");

    @Property(tries = 1000, maxDiscardRatio = 1)
    void fragmentsGiveATreeOrAnInvalidInputException(@ForAll("dockerfiles") String text) {
        parseAndDump(text);
    }

    @Property(tries = 500)
    void anyCharactersGiveATreeOrAnInvalidInputException(@ForAll("anyText") String text) {
        parseAndDump(text);
    }

    @Property(tries = 500)
    void anyBytesDecodedAsUtf8GiveATreeOrAnInvalidInputException(@ForAll("anyBytes") byte[] bytes) {
        parseAndDump(new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void parseAllNeverThrowsAndItsFirstErrorIsTheOneParseThrows(@ForAll("dockerfiles") String text) {
        SourceFile source = new SourceFile("Dockerfile", text);
        RecoveredTree recovered = new DockerfileParser().parseAll(source);
        try {
            SyntaxTree tree = new DockerfileParser().parse(source);
            assertThat(recovered.errors()).isEmpty();
            assertThat(recovered.tree()).contains(tree);
        } catch (InvalidInputException invalid) {
            assertThat(recovered.errors()).startsWith(invalid.diagnostics().getFirst());
        }
    }

    @Provide
    Arbitrary<String> dockerfiles() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    private static void parseAndDump(String text) {
        SyntaxTree tree;
        try {
            tree = new DockerfileParser().parse(new SourceFile("Dockerfile", text));
        } catch (InvalidInputException invalid) {
            assertThat(invalid.diagnostics()).isNotEmpty();
            return;
        }
        assertThat(tree.children()).isNotEmpty();
        String dump = new SyntaxTreeDumper().dump(tree);
        assertThat(dump.lines()).hasSize(tree.children().size());
        assertThat(new SyntaxTreeJsonDumper().dump(tree)).startsWith("{");
    }
}
