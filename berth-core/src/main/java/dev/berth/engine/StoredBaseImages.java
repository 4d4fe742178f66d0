package dev.berth.engine;

import dev.berth.error.NotFoundException;
import dev.berth.error.StepInputException;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.Platform;
import dev.berth.plan.BaseImageConfigs;
import dev.berth.store.ContentStore;
import dev.berth.store.OciLayout;
import java.util.Objects;
import java.util.Optional;

/**
 * The configs of base images in the local store, for the planner's ONBUILD triggers: found as the engine finds
 * them ({@link BaseImageResolver}), so planning and building read the same image. An image that is missing, or a
 * reference that is not one, gives no config: the build then fails on it at its FROM, with the engine's message.
 */
public final class StoredBaseImages implements BaseImageConfigs {

    private final BaseImageResolver resolver;
    private final Platform platform;

    public StoredBaseImages(ContentStore content, OciLayout images, Platform platform) {
        this(content, images, platform, BaseImageFetcher.LOCAL_ONLY);
    }

    /** With a fetcher: a base image the build will pull is pulled while planning, so its ONBUILD triggers count. */
    public StoredBaseImages(ContentStore content, OciLayout images, Platform platform, BaseImageFetcher fetcher) {
        this.resolver = new BaseImageResolver(content, images, ImageJson.standard(), fetcher);
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public Optional<ImageConfig> config(String reference) {
        try {
            return Optional.of(resolver.resolve(reference, platform).config());
        } catch (NotFoundException | StepInputException notThere) {
            return Optional.empty();
        }
    }
}
