package dev.berth.engine;

import dev.berth.image.Platform;
import java.util.function.Consumer;

/**
 * Gets a base image into the store before the engine (or the planner, for ONBUILD triggers) reads it: a build's
 * {@code FROM}, {@code COPY --from=IMAGE} and {@code RUN --mount=from=IMAGE} all ask through here. The engine knows
 * no registry: the API gives it one that pulls under the build's {@code --pull} policy; {@link #LOCAL_ONLY} pulls
 * nothing, so a missing image stays missing.
 */
@FunctionalInterface
public interface BaseImageFetcher {

    /**
     * Called before each lookup of {@code reference} (full, with its tag): pulls it when the policy wants, or throws.
     *
     * @param present whether the store has the name now
     * @param progress where the pull's lines go (shown under the step that asked)
     */
    void ensure(String reference, boolean present, Platform platform, Consumer<String> progress);

    BaseImageFetcher LOCAL_ONLY = (reference, present, platform, progress) -> { };
}
