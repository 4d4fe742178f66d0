package dev.berth.api;

import dev.berth.engine.mount.BuildSecret;
import dev.berth.export.BuildOutput;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth build}.
 *
 * @param context the context directory, read in place
 * @param dockerfile the Dockerfile's path; {@code <context>/Dockerfile} when empty
 * @param dockerfileText the Dockerfile's text when it came from stdin ({@code -f -}); wins over {@code dockerfile}
 * @param platform {@code os/arch} asked for; only the host's is supported
 * @param sourceDateEpoch {@code SOURCE_DATE_EPOCH}: created times and new layers are clamped to it
 * @param outputs where the result goes ({@code --output}); the image is stored and tagged only for
 *     {@link BuildOutput.Image}, and {@code tags} name it in archives too
 * @param secrets {@code --secret}s by id, for {@code RUN --mount=type=secret}; never part of a cache key
 */
public record BuildRequest(Path context, Optional<Path> dockerfile, Optional<String> dockerfileText,
        Map<String, String> buildArgs, Map<String, String> labels, List<String> tags, Optional<String> target,
        boolean noCache, boolean explainCache, Optional<String> platform, Optional<Instant> sourceDateEpoch,
        List<BuildOutput> outputs, Map<String, BuildSecret> secrets) {

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
        secrets = Map.copyOf(secrets);
    }

    /** A request without secrets. */
    public BuildRequest(Path context, Optional<Path> dockerfile, Optional<String> dockerfileText,
            Map<String, String> buildArgs, Map<String, String> labels, List<String> tags, Optional<String> target,
            boolean noCache, boolean explainCache, Optional<String> platform, Optional<Instant> sourceDateEpoch,
            List<BuildOutput> outputs) {
        this(context, dockerfile, dockerfileText, buildArgs, labels, tags, target, noCache, explainCache, platform,
                sourceDateEpoch, outputs, Map.of());
    }

    /** A request for {@code context} with defaults: its Dockerfile, no args, no tags, cache on. */
    public static BuildRequest of(Path context) {
        return new BuildRequest(context, Optional.empty(), Optional.empty(), Map.of(), Map.of(), List.of(),
                Optional.empty(), false, false, Optional.empty(), Optional.empty(), List.of(new BuildOutput.Image()));
    }

    public BuildRequest withTags(List<String> value) {
        return new BuildRequest(context, dockerfile, dockerfileText, buildArgs, labels, value, target, noCache,
                explainCache, platform, sourceDateEpoch, outputs, secrets);
    }

    public BuildRequest withBuildArgs(Map<String, String> value) {
        return new BuildRequest(context, dockerfile, dockerfileText, value, labels, tags, target, noCache,
                explainCache, platform, sourceDateEpoch, outputs, secrets);
    }

    public BuildRequest withTarget(Optional<String> value) {
        return new BuildRequest(context, dockerfile, dockerfileText, buildArgs, labels, tags, value, noCache,
                explainCache, platform, sourceDateEpoch, outputs, secrets);
    }

    public BuildRequest withNoCache(boolean value) {
        return new BuildRequest(context, dockerfile, dockerfileText, buildArgs, labels, tags, target, value,
                explainCache, platform, sourceDateEpoch, outputs, secrets);
    }

    public BuildRequest withOutputs(List<BuildOutput> value) {
        return new BuildRequest(context, dockerfile, dockerfileText, buildArgs, labels, tags, target, noCache,
                explainCache, platform, sourceDateEpoch, value, secrets);
    }

    public BuildRequest withSourceDateEpoch(Optional<Instant> value) {
        return new BuildRequest(context, dockerfile, dockerfileText, buildArgs, labels, tags, target, noCache,
                explainCache, platform, value, outputs, secrets);
    }

    public BuildRequest withSecrets(Map<String, BuildSecret> value) {
        return new BuildRequest(context, dockerfile, dockerfileText, buildArgs, labels, tags, target, noCache,
                explainCache, platform, sourceDateEpoch, outputs, value);
    }
}
