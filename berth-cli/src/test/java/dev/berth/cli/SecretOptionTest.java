package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.api.Secret;
import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code --secret} as Docker's buildx reads it. */
class SecretOptionTest {

    @TempDir
    Path directory;

    private final Map<String, String> env = Map.of("TOKEN", "from-env", "API_KEY", "key-value");
    private final CommandLine.Model.CommandSpec spec = new CommandLine(new BuildCommand()).getCommandSpec();

    @BeforeEach
    void files() throws IOException {
        Files.writeString(directory.resolve("token.txt"), "from-file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id=t,src=FILE                | t         | from-file
            id=t,source=FILE             | t         | from-file
            id=t,type=file,src=FILE      | t         | from-file
            src=FILE                     | token.txt | from-file
            id=t,env=TOKEN               | t         | from-env
            id=t,type=env,src=TOKEN      | t         | from-env
            id=API_KEY                   | API_KEY   | key-value
            env=TOKEN                    | TOKEN     | from-env
            id=t,env=UNSET               | -         | -
            """)
    void readsEachFormAsBuildx(String written, String id, String value) throws IOException {
        Map<String, Secret> secrets = SecretOption.parse(
                List.of(written.replace("FILE", directory.resolve("token.txt").toString())), env, spec);

        if (id.equals("-")) {
            assertThat(secrets).isEmpty();
        } else {
            assertThat(secrets).containsOnlyKeys(id);
            assertThat(new String(secrets.get(id).read(), StandardCharsets.UTF_8)).isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id=t,type=ssh              | invalid --secret id=t,type=ssh: unsupported secret type "ssh" (file or env)
            id=t,color=red             | invalid --secret id=t,color=red: unexpected key "color"
            id=t,src=a,env=B           | invalid --secret id=t,src=a,env=B: a secret comes from a file or a variable, not both
            justaword                  | invalid --secret justaword: field "justaword" must be a key=value pair
            """)
    void refusesWhatBuildxRefuses(String written, String message) {
        assertThatThrownBy(() -> SecretOption.parse(List.of(written), env, spec))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = directory.resolve("nope");

        assertThatThrownBy(() -> SecretOption.parse(List.of("id=x,src=" + missing), env, spec))
                .isInstanceOf(NotFoundException.class).hasMessage("reading secret file " + missing + ": no such file");
    }

    @org.junit.jupiter.api.Test
    void aValueNeverShowsInToString() {
        var secrets = SecretOption.parse(List.of("id=t,env=TOKEN"), env, spec);

        assertThat(secrets.toString()).doesNotContain("from-env").contains("8 bytes");
    }
}
