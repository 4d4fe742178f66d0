package dev.berth.api;

import dev.berth.context.StreamedContext;
import dev.berth.diagnostic.SourceFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls that need no store: the Dockerfile, ignore-file, context and Compose-file tools behind
 * {@code berth dockerfile}, {@code dockerignore}, {@code context}, {@code check} and {@code compose config}, and the
 * reading of a streamed build context. Each is a pure function of its arguments (and the files they name).
 */
public final class SourceTools {

    private SourceTools() {
    }

    /**
     * Reads a build context given as a stream to its end ({@code berth build -}): a tar, unpacked into a
     * temporary directory, or a Dockerfile alone; told apart by content, as Docker does.
     */
    public static UnpackedContext unpackContext(InputStream stream) {
        StreamedContext context = StreamedContext.read(stream);
        return new UnpackedContext(context.directory(), context.dockerfileText());
    }

    /** The Dockerfile's syntax tree as text ({@code berth dockerfile parse}), with the parser's warnings. */
    public static DockerfileDump parseDockerfile(SourceFile source, DockerfileDump.Format format) {
        return DockerfileTools.parse(source, format);
    }

    /** A Compose project as {@code docker compose config} shows it ({@code berth compose config}). */
    public static ComposeConfig composeConfig(ComposeRequest request, ComposeView view) {
        return ComposeProjects.config(request, view);
    }

    /**
     * Every problem a build of the Dockerfile would meet before running a step, and every best practice it breaks
     * ({@code berth check}, {@code berth dockerfile check}).
     */
    public static DockerfileCheck checkDockerfile(CheckRequest request) {
        return DockerfileTools.check(request);
    }

    /**
     * The rules {@code berth check} applies: BuildKit's checks, then the best-practice rules, then the rules of
     * {@code berth check IMAGE}.
     */
    public static List<CheckRule> checkRules() {
        return java.util.stream.Stream.concat(DockerfileInspection.rules().stream(), ImageChecks.rules().stream())
                .toList();
    }

    /**
     * The rule {@code berth check --explain NAME} explains: one of {@link #checkRules()} by id or hadolint id, or a
     * ShellCheck code ({@code SC2086}); empty for any other name.
     */
    public static Optional<CheckRule> checkRule(String name) {
        return checkRules().stream().filter(rule -> rule.isNamed(name)).findFirst()
                .or(() -> ShellCheckFindings.code(name));
    }

    /** The {@code shellcheck} program {@code berth check} runs with this environment: the first on its PATH. */
    public static Optional<Path> shellcheckProgram(Map<String, String> environment) {
        return dev.berth.dockerfile.shellcheck.ShellCheck.find(environment);
    }

    /**
     * Expands the variables of one word as a Dockerfile instruction does ({@code berth dockerfile expand}).
     *
     * @param escape the Dockerfile's escape character, {@code \} or {@code `}
     * @throws IllegalArgumentException for another escape character
     */
    public static VariableExpansion expandWord(String input, Map<String, String> env, char escape) {
        return DockerfileTools.expandWord(input, env, escape);
    }

    /** As {@link #expandWord}, then split into words as COPY, ADD, EXPOSE and VOLUME arguments are. */
    public static VariableExpansion expandWords(String input, Map<String, String> env, char escape) {
        return DockerfileTools.expandWords(input, env, escape);
    }

    /** The patterns of an ignore file as Docker reads them: comments and blank lines dropped, cleaned, in order. */
    public static List<String> ignorePatterns(SourceFile ignoreFile) {
        return DockerfileTools.ignorePatterns(ignoreFile);
    }

    /**
     * Whether {@code patterns}, as lines of a {@code .dockerignore}, exclude {@code path}.
     *
     * @throws dev.berth.error.InvalidInputException for a pattern that is not valid
     */
    public static boolean ignores(List<String> patterns, String path) {
        return DockerfileTools.ignores(patterns, path);
    }

    /**
     * Every entry a build of {@code context} would see, in path order, its ignore file applied.
     *
     * @param dockerfile the Dockerfile, whose {@code NAME.dockerignore}, if present, replaces the context's
     */
    public static List<ContextFile> listContext(Path context, Optional<Path> dockerfile) {
        return ContextFiles.list(context, dockerfile);
    }

    /** Whether a build of {@code context} would leave {@code path} out, and which ignore-file line says so. */
    public static ContextExclusion explainExclusion(Path context, Optional<Path> dockerfile, String path) {
        return ContextFiles.explain(context, dockerfile, path);
    }
}
