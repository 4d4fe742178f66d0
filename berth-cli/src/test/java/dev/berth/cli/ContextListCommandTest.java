package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextListCommandTest {

    @TempDir
    Path context;

    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    private void write(String path, int size) throws IOException {
        Path file = context.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }

    @BeforeEach
    void files() throws IOException {
        write("src/main.c", 1500);
        write("big.bin", 2_345_678);
        write("node_modules/x/index.js", 10);
        Files.writeString(context.resolve(".dockerignore"), "# deps\nnode_modules\n*.bin\n!keep.bin\n");
    }

    @Test
    void listsSizesAndATotal() {
        assertThat(run("context", "ls", context.toString())).isZero();

        assertThat(last.out()).isEqualTo("""
                      SIZE  PATH
                       36B  .dockerignore
                     1.5kB  src/main.c
                   1.536kB  total, 2 files
                """);
    }

    @Test
    void whyNamesTheExcludingLine() {
        assertThat(run("context", "ls", "--why", "node_modules/x/index.js", context.toString())).isZero();

        assertThat(last.out()).startsWith("node_modules/x/index.js is excluded by ")
                .endsWith(".dockerignore line 2: node_modules\n");
    }

    @Test
    void whySaysWhenAPathIsIncluded() {
        assertThat(run("context", "ls", "--why", "keep.bin", context.toString())).isZero();

        assertThat(last.out()).startsWith("keep.bin is not excluded (ignore file: ");
    }

    @Test
    void dockerfileSpecificIgnoreFileIsUsedWithDashF() throws IOException {
        Files.writeString(context.resolve("app.Dockerfile"), "FROM scratch\n");
        Files.writeString(context.resolve("app.Dockerfile.dockerignore"), "src\n.dockerignore\napp.*\n");

        assertThat(run("context", "ls", "--sort", "size", "-f", context.resolve("app.Dockerfile").toString(),
                context.toString())).isZero();

        assertThat(last.out()).isEqualTo("""
                      SIZE  PATH
                   2.346MB  big.bin
                       10B  node_modules/x/index.js
                   2.346MB  total, 2 files
                """);
    }

    @Test
    void jsonListsFilesAndTotal() {
        assertThat(run("context", "ls", "--json", context.toString())).isZero();

        assertThat(last.out())
                .contains("{\"path\":\"src/main.c\",\"type\":\"file\",\"size\":1500,\"mode\":\"0")
                .endsWith("\"total\":{\"files\":2,\"size\":1536}}\n");
    }

    @Test
    void badIgnoreFileIsReportedWithLineAndCaret() throws IOException {
        Files.writeString(context.resolve(".dockerignore"), "ok\n  [a-\n");

        assertThat(run("context", "ls", context.toString())).isEqualTo(1);

        assertThat(last.err()).contains(".dockerignore:2: bad ignore pattern \"[a-\"")
                .contains("2 |   [a-\n  |   ^^^\n");
    }
}
