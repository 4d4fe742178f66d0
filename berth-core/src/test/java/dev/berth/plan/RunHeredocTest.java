package dev.berth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression: a RUN's here-documents were dropped, so {@code RUN <<EOF ... EOF} ran {@code <<EOF} and made nothing.
 * They are planned as BuildKit's dispatchRun does: a lone document runs through the shell (its {@code <<-} tabs
 * stripped), or as its own program when it starts with {@code #!}; any other command goes to the shell whole,
 * each document and its delimiter appended, for the shell to read as its own here-documents.
 */
class RunHeredocTest {

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("RUN <<EOF\necho one\necho two\nEOF\n", new Command.Shell("echo one\necho two\n"), List.of()),
                Arguments.of("RUN <<-EOF\n\techo tabbed\n\tEOF\n", new Command.Shell("echo tabbed\n"), List.of()),
                Arguments.of("RUN <<'EOF'\necho $HOME\nEOF\n", new Command.Shell("echo $HOME\n"), List.of()),
                Arguments.of("RUN <<EOF bash\nset -e\necho hi\nEOF\n",
                        new Command.Shell("<<EOF bash\nset -e\necho hi\nEOF"), List.of()),
                Arguments.of("RUN cat <<A > /a && cat <<B > /b\none\nA\ntwo\nB\n",
                        new Command.Shell("cat <<A > /a && cat <<B > /b\none\nA\ntwo\nB"), List.of()),
                Arguments.of("RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n",
                        new Command.Exec(List.of("/dev/pipes/EOF")),
                        List.of(new RunMount.Script("/dev/pipes/EOF", "#!/usr/bin/env python3\nprint(1)\n"))),
                Arguments.of("RUN echo plain\n", new Command.Shell("echo plain"), List.of()));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aRunsHereDocumentsBecomeItsCommand(String run, Command command, List<RunMount> mounts) {
        String dockerfile = "# syntax=docker/dockerfile:1\nFROM scratch\n" + run;
        BuildGraph graph = new BuildPlanner(PredefinedArgs.LINUX_AMD64)
                .plan(new SourceFile("Dockerfile", dockerfile), Map.of(), Optional.empty());

        Step.RunStep step = (Step.RunStep) graph.stages().getLast().steps().getLast();
        assertThat(step.command()).isEqualTo(command);
        assertThat(step.mounts()).isEqualTo(mounts);
    }
}
