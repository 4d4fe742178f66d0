package dev.berth.dockerfile.ignore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreFileLocatorTest {

    @TempDir
    Path context;

    private final IgnoreFileLocator locator = new IgnoreFileLocator();

    @Test
    void dockerfileSpecificIgnoreFileWinsOverTheContextOne() throws IOException {
        Files.createDirectories(context.resolve("build"));
        Files.writeString(context.resolve(".dockerignore"), "a\n");
        Files.writeString(context.resolve("build/app.Dockerfile.dockerignore"), "b\n");

        assertThat(locator.locate(context, context.resolve("build/app.Dockerfile")))
                .contains(context.resolve("build/app.Dockerfile.dockerignore"));
    }

    @Test
    void contextIgnoreFileAppliesWhenTheDockerfileHasNone() throws IOException {
        Files.writeString(context.resolve(".dockerignore"), "a\n");

        assertThat(locator.locate(context, context.resolve("build/app.Dockerfile")))
                .contains(context.resolve(".dockerignore"));
    }

    @Test
    void defaultDockerfileNameHasItsOwnIgnoreFile() throws IOException {
        Files.writeString(context.resolve(".dockerignore"), "a\n");
        Files.writeString(context.resolve("Dockerfile.dockerignore"), "b\n");

        assertThat(locator.locate(context, context.resolve("Dockerfile")))
                .contains(context.resolve("Dockerfile.dockerignore"));
    }

    @Test
    void specificFileMustSitBesideTheDockerfile() throws IOException {
        Files.createDirectories(context.resolve("build"));
        Files.writeString(context.resolve("app.Dockerfile.dockerignore"), "b\n");

        assertThat(locator.locate(context, context.resolve("build/app.Dockerfile"))).isEmpty();
    }

    @Test
    void noIgnoreFileAtAll() {
        assertThat(locator.locate(context, context.resolve("Dockerfile"))).isEmpty();
    }
}
