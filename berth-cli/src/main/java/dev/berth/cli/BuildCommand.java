package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.BuildRequest;
import dev.berth.api.BuildResult;
import dev.berth.api.Output;
import dev.berth.api.Settings;
import dev.berth.api.SourceTools;
import dev.berth.api.UnpackedContext;
import dev.berth.cli.progress.ProgressMode;
import dev.berth.cli.progress.ProgressView;
import dev.berth.cli.progress.StandardError;
import dev.berth.error.StoreException;
import dev.berth.error.UnsupportedFeatureException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth build [OPTIONS] CONTEXT}: builds an image from a Dockerfile, as {@code docker build}. CONTEXT
 * {@code -} reads a tar (or a Dockerfile alone) from standard input; {@code --output dest=-} writes to
 * standard output, so nothing else is printed there.
 */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build an image from a Dockerfile.")
final class BuildCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "CONTEXT", description = "The context directory, or - for a tar on stdin.")
    String context;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The Dockerfile (default: CONTEXT/Dockerfile); - reads stdin.")
    String file;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME[:TAG]", description = "Name the image; may be repeated.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--build-arg", paramLabel = "KEY[=VALUE]", description = "Set a build argument; KEY alone takes it from the environment.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "Add a label to the image.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE", description = "Build this stage and what it needs.")
    String target;

    @Option(names = "--platform", paramLabel = "OS/ARCH", description = "The target platform; only the host's.")
    String platform;

    @Option(names = "--iidfile", paramLabel = "FILE", description = "Write the image ID to FILE.")
    Path iidFile;

    @Option(names = {"-o", "--output"}, paramLabel = "type=TYPE[,dest=PATH]",
            description = "Where the result goes; may be repeated: type=image (default: store and tag), type=local,dest=DIR, "
                    + "type=tar|docker|oci,dest=FILE (dest=- is stdout); -o DIR is local, -o - a tar on stdout.")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--runtime", paramLabel = "NAME", description = "The OCI runtime for RUN steps: runc or crun (default: the first that works here).")
    String runtime;

    @Option(names = "--runtime-state", paramLabel = "DIR", defaultValue = "/run/berth",
            description = "Where runtimes keep container state (default: ${DEFAULT-VALUE}).")
    Path runtimeState;

    @Option(names = "--secret", paramLabel = "id=ID[,src=FILE|,env=VAR]",
            description = "A secret for RUN --mount=type=secret (type=file|env as Docker); may be repeated.")
    List<String> secrets = new ArrayList<>();

    @Option(names = "--no-cache", description = "Do not use the build cache.")
    boolean noCache;

    @Option(names = "--pull", arity = "0..1", paramLabel = "always|missing|never", parameterConsumer = PullOption.class,
            description = "When to pull base images from their registry: missing (the default: only images the store "
                    + "lacks), always (the flag alone, as Docker's --pull), never.")
    String pull;

    @Option(names = {"-q", "--quiet"}, description = "Print only the image ID.")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "auto|plain|tty|quiet",
            description = "How progress is shown (default: $BUILDKIT_PROGRESS, else auto: the live view on a terminal, plain otherwise).")
    String progress;

    @Option(names = "--explain-cache", description = "On a cache miss, say which input changed since the last build of the step.")
    boolean explainCache;

    @Option(names = "--check", description = "Run the build checks (berth check) and build nothing; exit 1 on any finding.")
    boolean check;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Builds, printing on {@code out} and {@code err}; what {@link #call} does once picocli has set the
     * fields. {@link PlainBuildArguments} sets them without picocli, and then {@link #spec} is null: it
     * takes no {@code --secret}, the one option whose errors need it.
     */
    int run(PrintWriter out, PrintWriter err) throws IOException {
        if (check) {
            return BuildCheck.run(this, out, err);
        }
        Map<String, String> env = System.getenv();
        TimingTrace trace = TimingTrace.of(env, System.err);
        trace.mark("build: arguments parsed");
        List<Output> exports = OutputOption.parse(outputs, System.out);
        boolean toStdout = exports.stream().anyMatch(Output::isStreamed);
        ProgressMode mode = ProgressMode.choose(quiet, Optional.ofNullable(progress), env, StandardError::isTerminal);
        if (toStdout && mode == ProgressMode.QUIET) {
            throw new UnsupportedFeatureException("quiet progress prints the image ID on standard output, where "
                    + "--output dest=- writes the tar: write the output to a file, or use --iidfile");
        }
        if (toStdout && System.console() != null && System.console().isTerminal()) {
            throw new UnsupportedFeatureException("refusing to write a tar to the terminal: use dest=FILE or redirect");
        }
        if (context.equals("-") && "-".equals(file)) {
            throw new UnsupportedFeatureException("the context and the Dockerfile cannot both come from stdin");
        }
        Optional<UnpackedContext> streamed = context.equals("-") ? Optional.of(SourceTools.unpackContext(System.in))
                : Optional.empty();
        int exitCode;
        try {
            exitCode = build(out, err, env, trace, exports, toStdout, mode, streamed);
        } catch (Throwable failure) {
            // A failure to remove the unpacked context must not hide why the build failed.
            streamed.ifPresent(stream -> stream.deleteQuietly(failure));
            throw failure;
        }
        streamed.ifPresent(UnpackedContext::delete);
        return exitCode;
    }

    private int build(PrintWriter out, PrintWriter err, Map<String, String> env, TimingTrace trace,
            List<Output> exports, boolean toStdout, ProgressMode mode, Optional<UnpackedContext> streamed)
            throws IOException {
        Path contextDir = streamed.map(UnpackedContext::directory).orElse(Path.of(context));
        Optional<String> dockerfileText = "-".equals(file)
                ? Optional.of(new String(System.in.readAllBytes(), StandardCharsets.UTF_8))
                : streamed.flatMap(UnpackedContext::dockerfileText);
        Optional<Path> dockerfile = file == null || file.equals("-") ? Optional.empty()
                : Optional.of(streamed.map(stream -> stream.directory().resolve(file)).orElse(Path.of(file)));
        Map<String, String> args = pairs(buildArgs, env, true);
        Optional<Instant> epoch = Optional.ofNullable(args.getOrDefault("SOURCE_DATE_EPOCH", env.get("SOURCE_DATE_EPOCH")))
                .filter(text -> !text.isBlank()).map(text -> Instant.ofEpochSecond(Long.parseLong(text.strip())));
        BuildRequest.Builder request = BuildRequest.builder(contextDir).buildArgs(args).labels(pairs(labels, env, false))
                .tags(tags).noCache(noCache).explainCache(explainCache).outputs(exports)
                .secrets(secrets.isEmpty() ? Map.of() : SecretOption.parse(secrets, env, spec));
        dockerfile.ifPresent(request::dockerfile);
        dockerfileText.ifPresent(request::dockerfileText);
        Optional.ofNullable(target).ifPresent(request::target);
        Optional.ofNullable(platform).ifPresent(request::platform);
        epoch.ifPresent(request::sourceDateEpoch);
        if (pull != null) {
            request.pull(PullOption.policy(pull, spec));
        }
        BuildRequest built = request.build();
        ProgressView view = mode.open(out, err, env, Clock.systemUTC());
        BuildResult result;
        Settings.Builder settings = store.settings(env).runtimeState(runtimeState);
        Optional.ofNullable(runtime).ifPresent(settings::runtime);
        try (Berth berth = Berth.open(settings.build())) {
            trace.mark("build: store opened");
            // What a killed build or run left (containers, mounts, snapshots, work directories) goes first.
            SweepReportText.log(berth.sweepLeftovers());
            result = berth.build(built, trace.around(view));
            trace.mark("build: image written and tagged");
            // PrintStream keeps write errors to itself (a closed pipe, a full disk): ask, or a cut tar looks whole.
            if (toStdout && System.out.checkError()) {
                throw new StoreException("writing the output to standard output failed (closed pipe or full disk?)");
            }
        } catch (Throwable failure) {
            // The final frame goes on screen before the error reporter prints the error under it.
            view.failed();
            throw failure;
        }
        view.succeeded(result, exports);
        if (iidFile != null) {
            Files.writeString(iidFile, result.imageId().toString(), StandardCharsets.UTF_8);
        }
        return 0;
    }

    private static Map<String, String> pairs(List<String> given, Map<String, String> env, boolean fromEnvironment) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : given) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
            } else if (fromEnvironment && env.containsKey(pair)) {
                pairs.put(pair, env.get(pair));
            } else if (!fromEnvironment) {
                pairs.put(pair, "");
            }
        }
        return pairs;
    }
}
