package dev.berth.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.UnsupportedFeatureException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code berth build} picks its progress view: flags first, then BUILDKIT_PROGRESS, then the terminal. */
class ProgressModeTest {

    @ParameterizedTest(name = "-q={0} --progress={1} BUILDKIT_PROGRESS={2} TERM={3} terminal={4} -> {5}")
    @CsvSource(nullValues = "-", textBlock = """
            # quiet, flag,  BUILDKIT_PROGRESS, TERM,       terminal, mode
            false,   -,      -,                 xterm,      true,     TTY
            false,   -,      -,                 xterm,      false,    PLAIN
            false,   -,      -,                 dumb,       true,     PLAIN
            false,   -,      -,                 -,          true,     TTY
            false,   auto,   -,                 xterm,      true,     TTY
            false,   auto,   -,                 dumb,       true,     PLAIN
            false,   tty,    -,                 dumb,       false,    TTY
            false,   plain,  -,                 xterm,      true,     PLAIN
            false,   quiet,  -,                 xterm,      true,     QUIET
            true,    tty,    -,                 xterm,      true,     QUIET
            true,    -,      tty,               xterm,      true,     QUIET
            false,   -,      plain,             xterm,      true,     PLAIN
            false,   -,      tty,               xterm,      false,    TTY
            false,   -,      quiet,             xterm,      true,     QUIET
            false,   -,      ' ',               xterm,      true,     TTY
            false,   plain,  tty,               xterm,      true,     PLAIN
            false,   tty,    plain,             xterm,      false,    TTY
            """)
    void choosesTheView(boolean quiet, String flag, String fromEnvironment, String term, boolean terminal, ProgressMode mode) {
        Map<String, String> env = new HashMap<>();
        if (fromEnvironment != null) {
            env.put("BUILDKIT_PROGRESS", fromEnvironment);
        }
        if (term != null) {
            env.put("TERM", term);
        }

        assertThat(ProgressMode.choose(quiet, Optional.ofNullable(flag), env, () -> terminal)).isEqualTo(mode);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            true,  -,     QUIET
            false, plain, PLAIN
            false, tty,   TTY
            false, quiet, QUIET
            """, nullValues = "-")
    void theTerminalIsCheckedOnlyForAuto(boolean quiet, String flag, ProgressMode mode) {
        assertThat(ProgressMode.choose(quiet, Optional.ofNullable(flag), Map.of(), () -> {
            throw new AssertionError("isatty asked for " + flag);
        })).isEqualTo(mode);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            fancy,   -,       'unknown progress mode "fancy" (from --progress): use auto, plain, tty or quiet'
            -,       fancy,   'unknown progress mode "fancy" (from BUILDKIT_PROGRESS): use auto, plain, tty or quiet'
            rawjson, -,       '--progress=rawjson is not supported: use plain, tty, quiet or auto'
            """, nullValues = "-")
    void unknownModesAreRefusedNamingWhereTheyCameFrom(String flag, String fromEnvironment, String message) {
        Map<String, String> env = fromEnvironment == null ? Map.of() : Map.of("BUILDKIT_PROGRESS", fromEnvironment);

        assertThatThrownBy(() -> ProgressMode.choose(false, Optional.ofNullable(flag), env, () -> true))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessage(message);
    }
}
