package dev.berth.dockerfile.instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.syntax.Directive;
import dev.berth.dockerfile.syntax.Node;
import dev.berth.dockerfile.syntax.SyntaxTree;
import dev.berth.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Grouping instructions into global ARGs and stages, collecting every error. */
class DockerfileReaderTest {

    private final DockerfileReader reader = new DockerfileReader();

    @Test
    void splitsGlobalArgsAndStagesWithLowerCaseNames() {
        Dockerfile dockerfile = reader.readStrict(tree(
                "ARG BASE=alpine",
                "FROM $BASE AS Build",
                "RUN make",
                "FROM scratch",
                "COPY --from=build /out /"));

        assertThat(dockerfile.globalArgs()).extracting(arg -> arg.declarations().getFirst().name()).containsExactly("BASE");
        assertThat(dockerfile.stages()).extracting(Stage::index, Stage::name, stage -> stage.instructions().size())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, Optional.of("build"), 1),
                        org.assertj.core.groups.Tuple.tuple(1, Optional.empty(), 1));
        assertThat(dockerfile.stage("BUILD")).map(Stage::index).contains(0);
        assertThat(dockerfile.stage("1")).map(Stage::index).contains(1);
        assertThat(dockerfile.stage("2")).isEmpty();
        assertThat(dockerfile.stage("nginx")).isEmpty();
        assertThat(dockerfile.directives()).containsExactly(new Directive("check", "error=true", 1));
    }

    @Test
    void collectsEveryErrorAndKeepsTheGoodInstructions() {
        DockerfileReader.Reading reading = reader.read(tree(
                "FROM alpine",
                "COPPY a b",
                "RUN --bogus true",
                "WORKDIR /app"));

        assertThat(reading.errors()).extracting(Diagnostic::headline).containsExactly(
                "Dockerfile:3: unknown instruction \"COPPY\": did you mean COPY?",
                "Dockerfile:4: unknown flag: --bogus");
        assertThat(reading.dockerfile().orElseThrow().stages().getFirst().instructions())
                .singleElement().isInstanceOf(Instruction.Workdir.class);
    }

    @Test
    void instructionsBeforeFromOtherThanArgAreErrors() {
        DockerfileReader.Reading reading = reader.read(tree("ARG A", "RUN true", "FROM alpine"));

        assertThat(reading.errors()).extracting(Diagnostic::headline)
                .containsExactly("Dockerfile:3: no build stage in current context");
    }

    @Test
    void aFileWithoutFromHasNoStages() {
        assertThatThrownBy(() -> reader.readStrict(tree("ARG A")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Dockerfile:1: dockerfile contains no stages to build");
    }

    @Test
    void instructionsAfterABrokenFromAreCheckedButNotAttachedToThePreviousStage() {
        DockerfileReader.Reading reading = reader.read(tree(
                "FROM alpine AS a",
                "FROM alpine AS 9b",
                "RUN true",
                "USER"));

        assertThat(reading.errors()).extracting(Diagnostic::line).containsExactly(3, 5);
        assertThat(reading.dockerfile().orElseThrow().stages()).singleElement()
                .satisfies(stage -> assertThat(stage.instructions()).isEmpty());
    }

    /** The lines as nodes from line 2 on, after a {@code # check=} directive on line 1. */
    private static SyntaxTree tree(String... lines) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            nodes.add(TestNodes.line(lines[i], i + 2));
        }
        String text = "# check=error=true\n" + String.join("\n", lines) + "\n";
        return new SyntaxTree(new SourceFile("Dockerfile", text), '\\',
                List.of(new Directive("check", "error=true", 1)), nodes, List.of());
    }
}
