package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces Docker's listings are made of: relative times, tab alignment, templates, Go's JSON. */
class ImageFormattingTest {

    @ParameterizedTest(name = "{0}s -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0        | Less than a second
            1        | 1 second
            59       | 59 seconds
            60       | About a minute
            119      | About a minute
            120      | 2 minutes
            3599     | 59 minutes
            3600     | About an hour
            5399     | About an hour
            5400     | 2 hours
            169200   | 47 hours
            172799   | 2 days
            172800   | 2 days
            1206000  | 13 days
            1209600  | 2 weeks
            5180400  | 8 weeks
            5184000  | 2 months
            63068400 | 24 months
            63071999 | 1 years
            63072000 | 2 years
            """)
    void relativeTimesAsGoUnitsHumanDuration(long seconds, String expected) {
        assertThat(RelativeTime.human(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void aMissingCreationTimeIsNotAvailable() {
        assertThat(RelativeTime.since(java.util.Optional.empty(), Instant.EPOCH)).isEqualTo("N/A");
    }

    @Test
    void tabWriterPadsColumnsButNotTheLastCell() {
        assertThat(TabWriter.align("A\tBB\tlast\nCCCCCCCCCCCC\tD\tx\n"))
                .isEqualTo("A              BB        last\nCCCCCCCCCCCC   D         x\n");
    }

    @Test
    void templatesRenderFieldsPathsAndJson() throws Exception {
        var value = new ObjectMapper().readTree("{\"A\":\"<x>\",\"B\":{\"C\":[1,\"two\"]},\"M\":{\"z\":1,\"a\":\"b\"}}");
        assertThat(GoTemplate.parse("{{.A}}|{{json .A}}|{{.B.C}}|{{json .B}}|{{.M}}\\t!").render(value))
                .isEqualTo("<x>|\"\\u003cx\\u003e\"|[1 two]|{\"C\":[1,\"two\"]}|map[a:b z:1]\t!");
    }

    @Test
    void tableTemplatesHaveTitles() {
        GoTemplate template = GoTemplate.parse("table {{.ID}}\\t{{.Other}}");
        assertThat(template.isTable()).isTrue();
        assertThat(template.header(Map.of("ID", "IMAGE ID"))).isEqualTo("IMAGE ID\tOTHER");
    }

    @Test
    void templatesRefuseWhatTheyDoNotKnow() throws Exception {
        assertThatThrownBy(() -> GoTemplate.parse("{{if .}}x{{end}}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unsupported template action {{if .}}");
        assertThatThrownBy(() -> GoTemplate.parse("{{.A")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unclosed action");
        var value = new ObjectMapper().readTree("{\"A\":1}");
        assertThatThrownBy(() -> GoTemplate.parse("{{.B}}").render(value)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("can't evaluate field B");
    }

    @Test
    void goJsonIndentsAsMarshalIndent() throws Exception {
        var value = new ObjectMapper().readTree("{\"a\":[],\"b\":{},\"c\":[1,{\"d\":\"&\"}]}");
        assertThat(GoJson.indent(value)).isEqualTo("""
                {
                    "a": [],
                    "b": {},
                    "c": [
                        1,
                        {
                            "d": "\\u0026"
                        }
                    ]
                }""");
    }

    @Test
    void goTimeDropsTrailingZeros() {
        assertThat(GoJson.time(Instant.parse("2024-01-02T03:04:05.120Z"))).isEqualTo("2024-01-02T03:04:05.12Z");
        assertThat(GoJson.time(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05Z");
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            busybox      | busybox         | true
            busy*        | busybox         | true
            *            | library/busybox | false
            */*          | library/busybox | true
            b?sybox      | busybox         | true
            [a-c]usybox  | busybox         | true
            [^a-c]usybox | busybox         | false
            busybox:1.*  | busybox:1.36    | true
            a.b          | axb             | false
            """)
    void referencePatternsMatchAsGoPathMatch(String pattern, String name, boolean matches) {
        assertThat(name.matches(ImageFilter.goPathMatch(pattern))).isEqualTo(matches);
    }
}
