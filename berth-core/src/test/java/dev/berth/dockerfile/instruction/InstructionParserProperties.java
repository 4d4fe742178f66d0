package dev.berth.dockerfile.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.syntax.Node;
import dev.berth.error.InvalidInputException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Totality: any node gives an instruction or a positioned InvalidInputException, nothing else. */
class InstructionParserProperties {

    @Property(tries = 1000)
    void everyNodeParsesOrIsRejectedWithADiagnostic(@ForAll("nodes") Node node) {
        String text = node.original();
        InstructionParser parser = new InstructionParser(new SourceFile("Dockerfile", text + "\n"));
        try {
            assertThat(parser.parse(node).location().startLine()).isEqualTo(1);
        } catch (InvalidInputException invalid) {
            assertThat(invalid.diagnostics()).singleElement()
                    .satisfies(diagnostic -> assertThat(diagnostic.range().startLine()).isEqualTo(1));
        }
    }

    @Provide
    Arbitrary<Node> nodes() {
        Arbitrary<String> keyword = Arbitraries.oneOf(Arbitraries.of(InstructionParser.KEYWORDS),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abAS09=,-_/:.$ ").ofMaxLength(12),
                Arbitraries.of("AS", "NONE", "CMD", "type=cache", "target=/x", "80/tcp", "1s", "", "=", "=x"));
        Arbitrary<String> flag = Arbitraries.of("from", "mount", "interval", "retries", "link", "platform", "chmod",
                "exclude", "network", "security", "start-period", "x").flatMap(name -> Arbitraries.oneOf(
                Arbitraries.just("--" + name),
                word.map(value -> "--" + name + "=" + value),
                Arbitraries.of("type=cache", "type=secret,id=a", "type=bind,target=/a,from=b", "0.5ms", "-3",
                        "type=tmpfs,target=/t,size=1x").map(value -> "--" + name + "=" + value)));
        return keyword.flatMap(name -> flag.list().ofMaxSize(3).flatMap(flags -> word.list().ofMaxSize(5)
                .flatMap(args -> Arbitraries.of(true, false).map(json -> {
                    String original = name + " " + String.join(" ", flags) + " " + String.join(" ", args);
                    Optional<Node> child = args.isEmpty() ? Optional.empty() : Optional.of(new Node(
                            args.getFirst().toLowerCase(java.util.Locale.ROOT), List.of(), args.subList(1, args.size()),
                            json, original, List.of(), Optional.empty(), 1, 1, 1));
                    return new Node(name.toLowerCase(java.util.Locale.ROOT), flags, args, json, original, List.of(),
                            child, 1, 1, 1);
                }))));
    }
}
