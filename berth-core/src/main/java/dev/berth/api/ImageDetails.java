package dev.berth.api;

import dev.berth.image.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code berth image inspect} shows, the members of {@code docker image inspect}'s object.
 *
 * @param repoTags familiar names ({@code busybox:latest}), in Docker's order: sorted by full name
 * @param comment the config's top-level {@code comment} ({@code docker import} and commit set it), else the
 *                last history entry's, as Docker's API reports it
 * @param dockerVersion the config's {@code docker_version}, empty when another tool made the image
 * @param containerConfigJson the config's {@code config} member as compact JSON, {@code {}} when absent
 * @param diffIds the config's {@code rootfs.diff_ids}
 * @param configJson the whole config blob as stored, for views that decode it as Docker's daemon does
 *                   (Docker's inspect document keeps members the typed ones above cannot tell apart:
 *                   {@code "Env": []} from no Env, a time's zone offset, {@code container_config})
 */
public record ImageDetails(Digest id, List<String> repoTags, List<String> repoDigests, String comment,
                           Optional<Instant> created, String dockerVersion, String author,
                           String containerConfigJson, String architecture, String variant, String os,
                           long size, String rootFsType, List<Digest> diffIds,
                           String configJson) {

    public ImageDetails {
        Objects.requireNonNull(id, "id");
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(dockerVersion, "dockerVersion");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(containerConfigJson, "containerConfigJson");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(rootFsType, "rootFsType");
        diffIds = List.copyOf(diffIds);
        Objects.requireNonNull(configJson, "configJson");
    }
}
