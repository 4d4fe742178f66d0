package dev.berth.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a line of step output looks like in the live view (the log on disk keeps the raw bytes). */
class DisplayTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain text                                  | plain text                         | plain text
            trailing carriage return of CRLF            | done\\r                             | done
            progress bar redrawn with CR                | 10%\\r55%\\r100%                     | 100%
            SGR colours removed                         | \\e[1;32mOK\\e[0m                    | OK
            cursor movement removed                     | a\\e[2Kb\\e[1A                       | ab
            OSC title removed                           | \\e]0;title\\u0007text               | text
            tab becomes a space                         | key:\\tvalue                        | key: value
            bell and backspace dropped                  | x\\u0007y\\by                        | xyy
            """)
    void lineIsWhatATerminalWouldLeave(String name, String raw, String shown) {
        assertThat(DisplayText.line(unescape(raw))).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            abcdef, 3, abc
            abc,    3, abc
            abc,    9, abc
            abc,    0, ''
            héllo,  2, hé
            """)
    void clipCountsCodePoints(String text, int width, String clipped) {
        assertThat(DisplayText.clip(text, width)).isEqualTo(clipped);
    }

    @org.junit.jupiter.api.Test
    void clipNeverSplitsASurrogatePair() {
        assertThat(DisplayText.clip("a\uD83D\uDE00b", 2)).isEqualTo("a\uD83D\uDE00");
    }

    private static String unescape(String text) {
        return text.replace("\\e", "\u001B").replace("\\r", "\r").replace("\\t", "\t")
                .replace("\\u0007", "\u0007").replace("\\b", "\b");
    }
}
