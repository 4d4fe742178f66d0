package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import dev.berth.image.ContainerConfig;
import dev.berth.sandbox.SandboxProcess;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's resolution of the command, environment, working directory and user of {@code docker run}. */
class ContainerCommandTest {

    /** Lists are written space-separated; {@code -} is empty; {@code <none>} for --entrypoint means not given. */
    @ParameterizedTest(name = "Entrypoint={0} Cmd={1} --entrypoint={2} args={3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            -              | sh               | <none> | -          | sh
            -              | sh               | <none> | echo hi    | echo hi
            /entry         | -                | <none> | -          | /entry
            /entry         | --flag           | <none> | -          | /entry --flag
            /entry         | --flag           | <none> | other      | /entry other
            /entry         | --flag           | /bin/sh | -         | /bin/sh
            /entry         | --flag           | /bin/sh | -c true   | /bin/sh -c true
            -              | sh               | /bin/sh | -         | /bin/sh
            /entry         | --flag           | ''     | ls         | ls
            /entry x       | -                | <none> | y z        | /entry x y z
            """)
    void commandIsEntrypointThenCmd(String entrypoint, String cmd, String override, String args, String expected) {
        ContainerConfig image = ContainerConfig.builder().entrypoint(words(entrypoint)).cmd(words(cmd)).build();
        Optional<String> flag = override.equals("<none>") ? Optional.empty() : Optional.of(override);
        SandboxProcess process = ContainerCommand.resolve(image, request(flag, words(args), List.of()));
        assertThat(process.args()).isEqualTo(words(expected));
    }

    @Test
    void noCommandAtAllIsRefused() {
        ContainerConfig image = ContainerConfig.builder().cmd(List.of("sh")).build();
        assertThatThrownBy(() -> ContainerCommand.resolve(image, request(Optional.of(""), List.of(), List.of())))
                .isInstanceOf(ExecutionException.class).hasMessage("no command specified");
    }

    @Test
    void requestEnvironmentReplacesImageValuesInPlaceAndAppendsNewOnes() {
        ContainerConfig image = ContainerConfig.builder().env(List.of("PATH=/bin", "A=1", "B=2")).cmd(List.of("sh")).build();
        SandboxProcess process = ContainerCommand.resolve(image, request(Optional.empty(), List.of(), List.of("B=3", "C=4", "A=5")));
        assertThat(process.env()).containsExactly("PATH=/bin", "A=5", "B=3", "C=4");
    }

    @Test
    void workingDirectoryAndUserComeFromTheImageUnlessGiven() {
        ContainerConfig image = ContainerConfig.builder().workingDir("/app").user("web").cmd(List.of("sh")).build();
        SandboxProcess fromImage = ContainerCommand.resolve(image, request(Optional.empty(), List.of(), List.of()));
        assertThat(List.of(fromImage.workingDir(), fromImage.user())).containsExactly("/app", "web");
        ContainerSpec overridden = new ContainerSpec("img", Optional.empty(), List.of(), List.of(), Optional.of("/srv"),
                Optional.of("nobody"), NetworkOptions.NONE, Optional.empty(), true);
        SandboxProcess given = ContainerCommand.resolve(image, overridden);
        assertThat(List.of(given.workingDir(), given.user())).containsExactly("/srv", "nobody");
    }

    @Test
    void noWorkingDirectoryMeansRootAndNoUserMeansTheImageDefault() {
        SandboxProcess process = ContainerCommand.resolve(ContainerConfig.builder().cmd(List.of("sh")).build(),
                request(Optional.empty(), List.of(), List.of()));
        assertThat(List.of(process.workingDir(), process.user())).containsExactly("/", "");
    }

    @Test
    void relativeWorkingDirectoryIsRefused() {
        ContainerSpec relative = new ContainerSpec("img", Optional.empty(), List.of("sh"), List.of(), Optional.of("work"),
                Optional.empty(), NetworkOptions.NONE, Optional.empty(), true);
        assertThatThrownBy(() -> ContainerCommand.resolve(ContainerConfig.EMPTY, relative))
                .isInstanceOf(ExecutionException.class)
                .hasMessage("the working directory 'work' is invalid, it needs to be an absolute path");
    }

    private static ContainerSpec request(Optional<String> entrypoint, List<String> args, List<String> env) {
        return new ContainerSpec("img", entrypoint, args, env, Optional.empty(), Optional.empty(), NetworkOptions.NONE,
                Optional.empty(), true);
    }

    private static List<String> words(String text) {
        return text.equals("-") ? List.of() : Arrays.asList(text.split(" "));
    }
}
