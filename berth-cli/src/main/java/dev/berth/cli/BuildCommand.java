package dev.berth.cli;

import dev.berth.api.BuildRequest;
import dev.berth.api.BuildResult;
import dev.berth.api.Builder;
import dev.berth.api.HostRunSteps;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.event.ProgressListener;
import dev.berth.image.ImageReference;
import dev.berth.store.LocalStore;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth build [OPTIONS] CONTEXT}: builds an image from a Dockerfile, as {@code docker build}. */
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

    @Option(names = {"-o", "--output"}, paramLabel = "type=TYPE[,dest=PATH]", description = "image (default) or local,dest=DIR.")
    String output;

    @Option(names = "--runtime", paramLabel = "NAME", description = "The OCI runtime for RUN steps: runc or crun (default: the first that works here).")
    String runtime;

    @Option(names = "--runtime-state", paramLabel = "DIR", defaultValue = "/run/berth",
            description = "Where runtimes keep container state (default: ${DEFAULT-VALUE}).")
    Path runtimeState;

    @Option(names = "--no-cache", description = "Do not use the build cache.")
    boolean noCache;

    @Option(names = "--pull", description = "Accepted; base images always come from the local store.")
    boolean pull;

    @Option(names = {"-q", "--quiet"}, description = "Print only the image ID.")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "auto|plain|tty|quiet", description = "How progress is shown (default: auto).")
    String progress = "auto";

    @Option(names = "--explain-cache", description = "On a cache miss, say which input changed since the last build of the step.")
    boolean explainCache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> env = System.getenv();
        TimingTrace trace = TimingTrace.of(env, System.err);
        trace.mark("build: arguments parsed");
        Optional<Path> localOutput = OutputOption.parse(output);
        Path contextDir;
        Optional<Path> stdinContext = Optional.empty();
        if (context.equals("-")) {
            if ("-".equals(file)) {
                throw new UnsupportedFeatureException("the context and the Dockerfile cannot both come from stdin");
            }
            stdinContext = Optional.of(TarContext.extract(System.in));
            contextDir = stdinContext.get();
        } else {
            contextDir = Path.of(context);
        }
        Optional<String> dockerfileText = "-".equals(file)
                ? Optional.of(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)) : Optional.empty();
        Optional<Path> dockerfile = file == null || file.equals("-") ? Optional.empty()
                : Optional.of(stdinContext.map(dir -> dir.resolve(file)).orElse(Path.of(file)));
        Map<String, String> args = pairs(buildArgs, env, true);
        Optional<Instant> epoch = Optional.ofNullable(args.getOrDefault("SOURCE_DATE_EPOCH", env.get("SOURCE_DATE_EPOCH")))
                .filter(text -> !text.isBlank()).map(text -> Instant.ofEpochSecond(Long.parseLong(text.strip())));
        BuildRequest request = new BuildRequest(contextDir, dockerfile, dockerfileText, args, pairs(labels, env, false),
                tags, Optional.ofNullable(target), noCache, explainCache, Optional.ofNullable(platform), epoch, localOutput);
        boolean silent = quiet || progress.equals("quiet");
        ProgressListener listener = trace.around(silent ? ProgressListener.NONE : new PlainProgress(err));
        BuildResult result;
        try (LocalStore local = LocalStore.open(store.layout(env))) {
            trace.mark("build: store opened");
            var runs = new HostRunSteps(local, env, runtimeState, Optional.ofNullable(runtime));
            result = new Builder(local, runs, Clock.systemUTC()).build(request, listener);
            trace.mark("build: image written and tagged");
        } finally {
            if (stdinContext.isPresent()) {
                TarContext.delete(stdinContext.get());
            }
        }
        if (!silent) {
            result.warnings().forEach(warning -> err.println("WARNING: " + warning.headline()));
            err.println("writing image " + result.imageId() + " done");
            result.tags().forEach(tag -> err.println("naming to "
                    + ImageReference.parse(tag).withDefaultTag() + " done"));
            err.flush();
        }
        if (quiet) {
            out.println(result.imageId());
            out.flush();
        }
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
