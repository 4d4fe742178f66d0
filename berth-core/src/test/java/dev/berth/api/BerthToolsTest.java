package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The façade's calls that need no store: Dockerfile, ignore-file and context tools, and the host probe. */
class BerthToolsTest {

    @TempDir
    Path directory;

    @Test
    void aDumpComesInEitherFormatWithTheParsersWarnings() {
        SourceFile source = new SourceFile("Dockerfile", "FROM scratch\nRUN echo hi\n");

        DockerfileDump buildkit = SourceTools.parseDockerfile(source, DockerfileDump.Format.BUILDKIT);
        DockerfileDump json = SourceTools.parseDockerfile(source, DockerfileDump.Format.JSON);

        assertThat(buildkit.text()).isEqualTo("(from \"scratch\")\n(run \"echo hi\")\n");
        assertThat(json.text()).startsWith("{").contains("\"scratch\"");
        assertThat(buildkit.warnings()).isEmpty();
    }

    @Test
    void aCheckCountsErrorsAndFindsSourcesTheContextLacks() throws IOException {
        Files.writeString(directory.resolve("present.txt"), "here");
        SourceFile source = new SourceFile("Dockerfile", "FROM scratch\nCOPY present.txt missing.txt /\nUSER 1000\n");

        DockerfileCheck check = SourceTools.checkDockerfile(CheckRequest.builder(source).context(directory).build());

        assertThat(check.errors()).isEqualTo(1);
        assertThat(check.warnings()).isZero();
        assertThat(check.diagnostics()).extracting(Diagnostic::message).singleElement().asString().contains("missing.txt");
    }

    @Test
    void aCheckOfAContextThatIsNotADirectoryChecksTheDockerfileAlone() {
        SourceFile source = new SourceFile("Dockerfile", "FROM scratch\nCOPY missing.txt /\nUSER 1000\n");

        DockerfileCheck check = SourceTools.checkDockerfile(CheckRequest.builder(source)
                .context(directory.resolve("absent")).build());

        assertThat(check.diagnostics()).isEmpty();
    }

    @Test
    void expansionGivesTheResultTheWordsOrTheFailure() {
        Map<String, String> env = Map.of("A", "one two");

        assertThat(SourceTools.expandWord("${A}-$B", env, '\\'))
                .isEqualTo(new VariableExpansion.Text("one two-", List.of("A"), List.of("B")));
        assertThat(SourceTools.expandWords("$A three", env, '\\'))
                .isEqualTo(new VariableExpansion.Words(List.of("one", "two", "three"), List.of("A"), List.of()));
        assertThat(SourceTools.expandWord("${B?is required}", env, '\\')).isInstanceOf(VariableExpansion.Failed.class);
        assertThatThrownBy(() -> SourceTools.expandWord("x", env, '/')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ignoreFilesReadAndMatchAsDockersDo() {
        SourceFile file = new SourceFile(".dockerignore", "# comment\n\n ./build/ \n!build/keep\n");

        assertThat(SourceTools.ignorePatterns(file)).containsExactly("build", "!build/keep");
        assertThat(SourceTools.ignores(List.of("build", "!build/keep"), "build/out")).isTrue();
        assertThat(SourceTools.ignores(List.of("build", "!build/keep"), "build/keep")).isFalse();
        assertThatThrownBy(() -> SourceTools.ignores(List.of("[z-a]"), "x")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aContextListsWhatTheBuildSeesAndSaysWhichLineExcludesTheRest() throws IOException {
        Files.writeString(directory.resolve(".dockerignore"), "*.log\n");
        Files.createDirectories(directory.resolve("src"));
        Files.writeString(directory.resolve("src/app.py"), "print(1)\n");
        Files.writeString(directory.resolve("debug.log"), "noise");
        Files.createSymbolicLink(directory.resolve("link"), Path.of("src"));

        List<ContextFile> files = SourceTools.listContext(directory, Optional.empty());
        ContextExclusion excluded = SourceTools.explainExclusion(directory, Optional.empty(), "debug.log");
        ContextExclusion kept = SourceTools.explainExclusion(directory, Optional.empty(), "src/app.py");

        assertThat(files).extracting(ContextFile::path).containsExactly(".dockerignore", "link", "src", "src/app.py");
        assertThat(files).extracting(ContextFile::kind).containsExactly(ContextFile.Kind.FILE, ContextFile.Kind.SYMLINK,
                ContextFile.Kind.DIRECTORY, ContextFile.Kind.FILE);
        assertThat(files.get(3).size()).isEqualTo(9);
        assertThat(excluded.rule()).contains(new ContextExclusion.Rule(1, "*.log"));
        assertThat(excluded.ignoreFile()).contains(directory.resolve(".dockerignore"));
        assertThat(kept.excluded()).isFalse();
    }

    @Test
    void aDockerfileOnAStreamIsAnEmptyContextAndItsText() throws IOException {
        UnpackedContext context = SourceTools.unpackContext(
                new ByteArrayInputStream("FROM scratch\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(context.dockerfileText()).contains("FROM scratch\n");
            try (var entries = Files.list(context.directory())) {
                assertThat(entries).isEmpty();
            }
        } finally {
            context.delete();
        }
        assertThat(context.directory()).doesNotExist();
    }

    @Test
    void aHostWithoutRuntimesHasNoDefaultOne() throws IOException {
        Path emptyPath = Files.createDirectories(directory.resolve("bin"));
        HostInfo host = Berth.hostInfo(Settings.builder().environment(Map.of("PATH", emptyPath.toString()))
                .runtimeState(directory.resolve("state")).build());

        assertThat(host.runtimes()).hasSize(2).allSatisfy(line -> assertThat(line).contains("not found"));
        assertThat(host.defaultRuntime()).isEmpty();
        assertThat(host.seccomp()).isEqualTo("unavailable (no working runtime)");
    }
}
