package dev.berth.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs the plain-text table {@code dockerignore/match-cases.txt}: one verdict, path and pattern list a line. */
class IgnoreMatcherTableTest {

    static Stream<Arguments> cases() throws IOException {
        return table("dockerignore/match-cases.txt").stream().map(line -> {
            String[] columns = line.trim().split(" +");
            return Arguments.of(columns[0], columns[1], List.of(Arrays.copyOfRange(columns, 2, columns.length)));
        });
    }

    @ParameterizedTest(name = "{0} {1} by {2}")
    @MethodSource("cases")
    void verdictMatchesTheTable(String verdict, String path, List<String> patterns) {
        IgnoreMatcher matcher = IgnoreMatcher.compile(patterns);

        assertThat(matcher.matches(path) ? "excluded" : "included").isEqualTo(verdict);
        assertThat(matcher.explain(path).isPresent()).isEqualTo(verdict.equals("excluded"));
    }

    static List<String> table(String resource) throws IOException {
        try (InputStream in = IgnoreMatcherTableTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }
}
