package dev.berth.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BuildKit's ExpandRaw for COPY/ADD here-documents: variables replaced, escapes processed, quotes kept (moby/buildkit#2439). */
class HeredocExpansionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            echo "$A"              | echo "1"
            'single $A'            | 'single 1'
            \\$A                    | $A
            a\\\\b                  | a\\b
            ${B:-"none"}           | "none"
            say ${A:+'set'}        | say 'set'
            """)
    void quotesStayAndVariablesExpand(String content, String expected) {
        assertThat(new WordExpander('\\').expandRaw(content, Map.of("A", "1")).result()).isEqualTo(expected);
    }
}
