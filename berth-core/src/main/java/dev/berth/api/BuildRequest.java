package dev.berth.api;

import dev.berth.engine.mount.BuildSecret;
import dev.berth.export.BuildOutput;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth build}; made with {@link #builder}.
 *
 * @param context the context directory, read in place
 * @param dockerfile the Dockerfile's path; {@code <context>/Dockerfile} when empty
 * @param dockerfileText the Dockerfile's text when it came from stdin ({@code -f -}); wins over {@code dockerfile}
 * @param platform {@code os/arch} asked for; only the host's is supported
 * @param sourceDateEpoch {@code SOURCE_DATE_EPOCH}: created times and new layers are clamped to it
 * @param outputs where the result goes ({@code --output}), at least one; the image is stored and tagged only for
 *     {@link Output.Image}, and {@code tags} name it in archives too
 * @param secrets {@code --secret}s by id, for {@code RUN --mount=type=secret}; never part of a cache key
 * @param pull {@code --pull}: when base images ({@code FROM}, {@code COPY --from=IMAGE}) are pulled from their registry
 */
public record BuildRequest(Path context, Optional<Path> dockerfile, Optional<String> dockerfileText,
        Map<String, String> buildArgs, Map<String, String> labels, List<String> tags, Optional<String> target,
        boolean noCache, boolean explainCache, Optional<String> platform, Optional<Instant> sourceDateEpoch,
        List<Output> outputs, Map<String, Secret> secrets, PullPolicy pull) {

    public BuildRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(dockerfileText, "dockerfileText");
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(labels);
        tags = List.copyOf(tags);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a build needs at least one output");
        }
        Objects.requireNonNull(pull, "pull");
        secrets = Map.copyOf(secrets);
        if (secrets.containsKey("")) {
            throw new IllegalArgumentException("a secret needs an id");
        }
    }

    /** A request for {@code context} with the defaults: its Dockerfile, no arguments, no tags, cache on, the store. */
    public static Builder builder(Path context) {
        return new Builder(context);
    }

    /** The outputs in the exporter's terms; the API keeps its own type so that clients never see the exporter. */
    List<BuildOutput> exports() {
        return outputs.stream().map(BuildRequest::export).toList();
    }

    /** The secrets in the engine's terms. */
    Map<String, BuildSecret> engineSecrets() {
        Map<String, BuildSecret> engine = new LinkedHashMap<>();
        secrets.forEach((id, secret) -> engine.put(id, switch (secret) {
            case Secret.FromFile(Path file) -> new BuildSecret.FromFile(file);
            case Secret.FromValue value -> new BuildSecret.FromValue(value.bytes());
        }));
        return Map.copyOf(engine);
    }

    private static BuildOutput export(Output output) {
        return switch (output) {
            case Output.Image _ -> new BuildOutput.Image();
            case Output.Local(Path directory) -> new BuildOutput.Local(directory);
            case Output.Tar(Output.Destination destination) -> new BuildOutput.Tar(destination(destination));
            case Output.DockerArchive(Output.Destination destination) ->
                    new BuildOutput.DockerArchive(destination(destination));
            case Output.OciArchive(Output.Destination destination) -> new BuildOutput.OciArchive(destination(destination));
        };
    }

    private static BuildOutput.Destination destination(Output.Destination destination) {
        return switch (destination) {
            case Output.Destination.File(Path path) -> new BuildOutput.Destination.File(path);
            case Output.Destination.Stream(var out) -> new BuildOutput.Destination.Stream(out);
        };
    }

    /** Sets a request's fields one by one; {@link #build} checks them. Not thread-safe. */
    public static final class Builder {

        private final Path context;
        private Optional<Path> dockerfile = Optional.empty();
        private Optional<String> dockerfileText = Optional.empty();
        private Map<String, String> buildArgs = Map.of();
        private Map<String, String> labels = Map.of();
        private List<String> tags = List.of();
        private Optional<String> target = Optional.empty();
        private boolean noCache;
        private PullPolicy pull = PullPolicy.MISSING;
        private boolean explainCache;
        private Optional<String> platform = Optional.empty();
        private Optional<Instant> sourceDateEpoch = Optional.empty();
        private List<Output> outputs = List.of(new Output.Image());
        private Map<String, Secret> secrets = Map.of();

        private Builder(Path context) {
            this.context = Objects.requireNonNull(context, "context");
        }

        public Builder dockerfile(Path value) {
            dockerfile = Optional.of(value);
            return this;
        }

        public Builder dockerfileText(String value) {
            dockerfileText = Optional.of(value);
            return this;
        }

        public Builder buildArgs(Map<String, String> value) {
            buildArgs = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            labels = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder target(String stage) {
            target = Optional.of(stage);
            return this;
        }

        public Builder noCache(boolean value) {
            noCache = value;
            return this;
        }

        public Builder explainCache(boolean value) {
            explainCache = value;
            return this;
        }

        public Builder platform(String value) {
            platform = Optional.of(value);
            return this;
        }

        public Builder sourceDateEpoch(Instant value) {
            sourceDateEpoch = Optional.of(value);
            return this;
        }

        public Builder outputs(List<Output> value) {
            outputs = value;
            return this;
        }

        public Builder secrets(Map<String, Secret> value) {
            secrets = value;
            return this;
        }

        /** {@code --pull}; {@link PullPolicy#MISSING} unless set. */
        public Builder pull(PullPolicy value) {
            pull = value;
            return this;
        }

        /** @throws IllegalArgumentException without an output, or with a secret without an id */
        public BuildRequest build() {
            return new BuildRequest(context, dockerfile, dockerfileText, buildArgs, labels, tags, target, noCache,
                    explainCache, platform, sourceDateEpoch, outputs, secrets, pull);
        }
    }
}
