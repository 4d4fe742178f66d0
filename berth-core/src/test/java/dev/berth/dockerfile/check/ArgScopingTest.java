package dev.berth.dockerfile.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ARG/ENV scoping table of arg-scoping.txt, run through the checker. */
class ArgScopingTest {

    static Stream<Arguments> cases() throws IOException {
        String text;
        try (InputStream in = ArgScopingTest.class.getResourceAsStream("/dockerfile/check/arg-scoping.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Arguments> cases = new ArrayList<>();
        for (String block : text.split("\n### ")) {
            if (block.startsWith("#")) {
                continue;
            }
            List<String> lines = block.lines().toList();
            Map<String, String> args = new LinkedHashMap<>();
            StringBuilder dockerfile = new StringBuilder();
            String expect = null;
            String undefined = null;
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("args:")) {
                    Arrays.stream(line.substring(5).strip().split(" "))
                            .map(pair -> pair.split("=", 2)).forEach(pair -> args.put(pair[0], pair[1]));
                } else if (line.startsWith("expect:")) {
                    expect = line.substring(7).strip();
                } else if (line.startsWith("undefined:")) {
                    undefined = line.substring(10).strip();
                } else if (!line.isBlank()) {
                    dockerfile.append(line).append('\n');
                }
            }
            cases.add(Arguments.of(lines.getFirst(), dockerfile.toString(), args, expect, undefined));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesLikeDocker(String name, String dockerfile, Map<String, String> args, String expect, String undefined) {
        CheckResult result = new DockerfileChecker().check(new SourceFile("Dockerfile", dockerfile), args, Optional.empty());

        assertThat(result.errorCount()).as("errors: %s", result.diagnostics()).isZero();
        Stage last = result.expanded().orElseThrow().stages().getLast();
        List<String> observed = new ArrayList<>(List.of("from=" + last.from().image()));
        last.instructions().stream()
                .filter(Instruction.Label.class::isInstance)
                .flatMap(label -> ((Instruction.Label) label).pairs().stream())
                .forEach(pair -> observed.add(pair.key() + "=" + pair.value()));
        assertThat(String.join("; ", observed)).isEqualTo(expect);
        assertThat(String.join(" ", result.diagnostics().stream()
                .map(Diagnostic::message)
                .filter(message -> message.startsWith("UndefinedVar: "))
                .map(message -> message.replaceAll("UndefinedVar: Usage of undefined variable '\\$(\\w+)'.*", "$1"))
                .toList())).isEqualTo(undefined);
    }
}
