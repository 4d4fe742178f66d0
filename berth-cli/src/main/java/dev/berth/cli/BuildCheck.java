package dev.berth.cli;

import dev.berth.api.CheckLevel;
import dev.berth.api.DockerfileCheck;
import dev.berth.diagnostic.SourceFile;
import dev.berth.error.NotFoundException;
import dev.berth.error.UnsupportedFeatureException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code berth build --check}, with BuildKit's meaning: run the checks {@code berth check} runs on the build's
 * Dockerfile, build nothing, and exit 1 on any finding (of any level), 0 when there is none.
 */
final class BuildCheck {

    private BuildCheck() {
    }

    static int run(BuildCommand build, PrintWriter out, PrintWriter err) throws IOException {
        if (build.context.equals("-")) {
            throw new UnsupportedFeatureException("build --check reads the context directory: give one, not -");
        }
        Path context = Path.of(build.context);
        SourceFile source;
        if ("-".equals(build.file)) {
            source = new SourceFile("-", new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
        } else {
            Path path = build.file == null ? context.resolve("Dockerfile") : Path.of(build.file);
            try {
                source = new SourceFile(build.file == null ? path.toString() : build.file, Files.readString(path));
            } catch (NoSuchFileException missing) {
                throw new NotFoundException("reading Dockerfile " + path + ": no such file", missing);
            }
        }
        DockerfileCheck check = CheckCommand.run(source, build.buildArgs, build.target, build.file, context);
        CheckCommand.human(check, source, out, err);
        return check.fails(CheckLevel.INFO) ? 1 : 0;
    }
}
