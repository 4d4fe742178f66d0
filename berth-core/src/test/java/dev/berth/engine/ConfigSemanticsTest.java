package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.BuildResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each metadata instruction's effect on the image config and history, as BuildKit writes them. */
class ConfigSemanticsTest {

    private static final String PATH_ENV = "\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # instructions after FROM scratch | config JSON | history (created_by, * marks empty_layer)
            `ENV A=1 B="two words"` | {"Env":[PATH,"A=1","B=two words"]} | *ENV A=1 B=two words
            `ENV PATH=/x` | {"Env":["PATH=/x"]} | *ENV PATH=/x
            `ARG V=1\\nENV A=$V` | {"Env":[PATH,"A=1"]} | *ARG V=1;*ENV A=1
            `LABEL a=b "c d"=e` | {"Env":[PATH],"Labels":{"a":"b","c d":"e"}} | *LABEL a=b c d=e
            `CMD echo hi` | {"Env":[PATH],"Cmd":["/bin/sh","-c","echo hi"],"ArgsEscaped":true} | *CMD ["/bin/sh" "-c" "echo hi"]
            `CMD ["run", "x"]` | {"Env":[PATH],"Cmd":["run","x"],"ArgsEscaped":true} | *CMD ["run" "x"]
            `CMD ["a"]\\nENTRYPOINT ["e"]` | {"Env":[PATH],"Cmd":["a"],"ArgsEscaped":true,"Entrypoint":["e"]} | *CMD ["a"];*ENTRYPOINT ["e"]
            `SHELL ["/bin/bash", "-eu", "-c"]\\nCMD make` | {"Env":[PATH],"Cmd":["/bin/bash","-eu","-c","make"],"ArgsEscaped":true,"Shell":["/bin/bash","-eu","-c"]} | *SHELL [/bin/bash -eu -c];*CMD ["/bin/bash" "-eu" "-c" "make"]
            `USER app:app` | {"User":"app:app","Env":[PATH]} | *USER app:app
            `EXPOSE 80 53/udp` | {"ExposedPorts":{"53/udp":{},"80/tcp":{}},"Env":[PATH]} | *EXPOSE [80/tcp 53/udp]
            `VOLUME /data /logs` | {"Env":[PATH],"Volumes":{"/data":{},"/logs":{}}} | *VOLUME [/data /logs]
            `STOPSIGNAL SIGKILL` | {"Env":[PATH],"StopSignal":"SIGKILL"} | *STOPSIGNAL SIGKILL
            `ONBUILD RUN make` | {"Env":[PATH],"OnBuild":["RUN make"]} | *ONBUILD RUN make
            `HEALTHCHECK --interval=30s --retries=3 CMD curl -f http://x/` | {"Env":[PATH],"Healthcheck":{"Test":["CMD-SHELL","curl -f http://x/"],"Interval":30000000000,"Retries":3}} | *HEALTHCHECK &{["CMD-SHELL" "curl -f http://x/"] "30s" "0s" "0s" "0s" '\\x03'}
            `HEALTHCHECK NONE` | {"Env":[PATH],"Healthcheck":{"Test":["NONE"]}} | *HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" '\\x00'}
            `WORKDIR /app\\nWORKDIR src` | {"Env":[PATH],"WorkingDir":"/app/src"} | WORKDIR /app;WORKDIR /app/src
            `WORKDIR /` | {"Env":[PATH],"WorkingDir":"/"} | *WORKDIR /
            """)
    void instructionSetsConfigAndHistory(String instructions, String config, String history) throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            BuildResult result = fixture.build("FROM scratch\n" + instructions.replace("\\n", "\n") + "\n");
            JsonNode written = new ObjectMapper().readTree(fixture.json.write(fixture.config(result)));

            assertThat(written.path("config").toString()).isEqualTo(config.replace("[PATH", "[" + PATH_ENV));
            List<String> entries = new ArrayList<>();
            written.path("history").forEach(entry -> entries.add(
                    (entry.path("empty_layer").asBoolean() ? "*" : "") + entry.path("created_by").asText()));
            assertThat(String.join(";", entries)).isEqualTo(history.replace("\\\\", "\\"));
            assertThat(written.path("created").asText()).isEqualTo("2026-01-02T03:04:05Z");
        }
    }

    @Test
    void fromScratchWithoutWorkdirLeavesWorkingDirEmpty() throws IOException {
        try (BuildFixture fixture = new BuildFixture(directory)) {
            BuildResult result = fixture.build("FROM scratch\nCMD [\"/app\"]\n");

            assertThat(fixture.config(result).config().workingDir()).isEmpty();
        }
    }
}
