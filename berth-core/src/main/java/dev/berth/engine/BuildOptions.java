package dev.berth.engine;

import dev.berth.context.BuildContext;
import dev.berth.context.ContentHasher;
import dev.berth.diagnostic.SourceFile;
import dev.berth.engine.mount.BuildSecret;
import dev.berth.event.ProgressListener;
import dev.berth.image.Platform;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one build run needs besides its graph.
 *
 * @param dockerfile the Dockerfile, so step errors point at its lines
 * @param hasher hashes context files through the stat cache; empty hashes every file
 * @param now the time written into history entries and the config, unless {@code sourceDateEpoch} is set
 * @param work a directory for this build's scratch files (stages extracted for {@code COPY --from}) and step logs
 * @param secrets the {@code --secret}s by id, for {@code RUN --mount=type=secret}
 */
public record BuildOptions(SourceFile dockerfile, BuildContext context, Optional<ContentHasher> hasher,
        Optional<Instant> sourceDateEpoch, Instant now, boolean noCache, boolean explainCache, Platform platform,
        Path work, ProgressListener listener, Map<String, BuildSecret> secrets) {

    public BuildOptions {
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(listener, "listener");
        secrets = Map.copyOf(secrets);
    }

    /** When created layers' and history's times say the build happened. */
    public Instant created() {
        return sourceDateEpoch.orElse(now);
    }
}
