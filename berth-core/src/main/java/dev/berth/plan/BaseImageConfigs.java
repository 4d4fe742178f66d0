package dev.berth.plan;

import dev.berth.image.ImageConfig;
import java.util.Optional;

/**
 * Reads the config of a stage's base image while the build is planned, so its ONBUILD triggers become the stage's
 * first steps ({@link PlannedStage#triggers}). Implemented over the store by the caller; the plan knows no store.
 */
@FunctionalInterface
public interface BaseImageConfigs {

    /** No base image is known: no trigger is planned ({@code berth dockerfile check}). */
    BaseImageConfigs NONE = reference -> Optional.empty();

    /**
     * The config of the image {@code reference} names, for the platform being built; empty when it cannot be read
     * now (the build then fails on it as it would without triggers).
     */
    Optional<ImageConfig> config(String reference);
}
