package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.ComposeView;
import dev.berth.error.BerthException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture project's {@code berth compose config} output (YAML, JSON, hashes and lists) against what Docker
 * Compose 2.26.1 printed for it (committed under {@code compose/golden}, made by {@code regenerate.sh}), byte for
 * byte; an invalid project must fail naming the file, line and attribute its {@code expect-error} says.
 */
class ComposeConfigGoldenTest {

    static List<ComposeFixtures> fixtures() {
        return ComposeFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void printsWhatDockerComposePrints(ComposeFixtures fixture) {
        Path directory = fixture.prepare();
        if (fixture.fails()) {
            String expected = fixture.control("expect-error").orElseThrow().strip();
            assertThatThrownBy(() -> fixture.berth(directory, new ComposeView.Yaml()))
                    .isInstanceOf(BerthException.class).hasMessageContaining(expected);
            return;
        }
        if (fixture.control("known-difference").isPresent()) {
            assertThat(fixture.berth(directory, new ComposeView.Yaml()).text()).startsWith("name: ");
            return;
        }
        for (String view : ComposeFixtures.VIEWS) {
            String actual = fixture.berth(directory, ComposeFixtures.view(view)).text();
            assertThat(ComposeFixtures.comparable(view, actual)).as(fixture.name() + " " + view)
                    .isEqualTo(fixture.expected(view));
        }
    }
}
