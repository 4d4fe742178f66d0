package dev.berth.api;

import dev.berth.engine.BaseImageFetcher;
import dev.berth.event.TransferEvent;
import dev.berth.event.TransferListener;
import dev.berth.image.Digest;
import dev.berth.image.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The engine's {@link BaseImageFetcher} for one build: pulls under the build's {@link PullPolicy}, each reference at
 * most once per build (the planner asks first, for ONBUILD triggers, then the engine at the FROM), and replays the
 * pull's lines to whichever step asks, so the FROM step shows {@code Pulling from ...} even when the planner pulled.
 * A failed pull is remembered too, so the engine's FROM gives the registry's own error.
 */
final class RegistryBaseImages implements BaseImageFetcher {

    /** Pulls one image and gives the registry's digest for it. */
    @FunctionalInterface
    interface Pull {
        Digest pull(String reference, Platform platform, TransferListener listener);
    }

    private record Outcome(List<String> lines, RuntimeException failure) {}

    private final PullPolicy policy;
    private final Pull pull;
    private final Map<String, Outcome> pulled = new ConcurrentHashMap<>();

    RegistryBaseImages(PullPolicy policy, Pull pull) {
        this.policy = policy;
        this.pull = pull;
    }

    @Override
    public void ensure(String reference, boolean present, Platform platform, Consumer<String> progress) {
        boolean wanted = switch (policy) {
            case NEVER -> false;
            case MISSING -> !present || pulled.containsKey(key(reference, platform));
            case ALWAYS -> true;
        };
        if (!wanted) {
            return;
        }
        Outcome outcome = pulled.computeIfAbsent(key(reference, platform), _ -> fetch(reference, platform));
        outcome.lines().forEach(progress);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
    }

    private Outcome fetch(String reference, Platform platform) {
        List<String> lines = new ArrayList<>();
        try {
            Digest digest = pull.pull(reference, platform, event -> line(event).ifPresent(text -> {
                synchronized (lines) {
                    lines.add(text);
                }
            }));
            lines.add("Digest: " + digest);
            return new Outcome(List.copyOf(lines), null);
        } catch (RuntimeException failed) {
            return new Outcome(List.copyOf(lines), failed);
        }
    }

    private static String key(String reference, Platform platform) {
        return reference + " " + platform;
    }

    /** Docker's pull lines, without the per-chunk progress. */
    private static java.util.Optional<String> line(TransferEvent event) {
        return switch (event) {
            case TransferEvent.Started started -> java.util.Optional.of("pulling " + started.reference());
            case TransferEvent.BlobDone done -> java.util.Optional.of(done.blob().shortHex() + ": " + switch (done.outcome()) {
                case ALREADY_EXISTS -> "Already exists";
                case PULLED -> "Pull complete";
                case LAYER_EXISTS -> "Layer already exists";
                case MOUNTED -> "Mounted";
                case PUSHED -> "Pushed";
            });
            case TransferEvent.Retrying retrying -> java.util.Optional.of(retrying.blob().shortHex() + ": " + retrying.reason());
            case TransferEvent.MirrorSkipped skipped -> java.util.Optional.of("mirror " + skipped.mirror() + " skipped: "
                    + skipped.reason());
            case TransferEvent.BlobProgress _, TransferEvent.Finished _ -> java.util.Optional.empty();
        };
    }
}
