package dev.berth.event;

import dev.berth.image.Digest;
import java.util.Objects;

/**
 * One thing a pull or a push reports, in the order Docker prints them: the repository it starts on, each blob's
 * progress and outcome, the digest at the end. Blobs move in parallel, so blob events of different blobs interleave.
 */
public sealed interface TransferEvent {

    /** {@code TAG: Pulling from REPOSITORY}, {@code The push refers to repository [NAME]}. */
    record Started(String reference, String repository, boolean push) implements TransferEvent {
        public Started {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(repository, "repository");
        }
    }

    /** Bytes of one blob moved so far, of {@code total}. */
    record BlobProgress(Digest blob, long done, long total) implements TransferEvent {
        public BlobProgress {
            Objects.requireNonNull(blob, "blob");
        }
    }

    /** One layer blob is finished, and how. */
    record BlobDone(Digest blob, BlobOutcome outcome) implements TransferEvent {
        public BlobDone {
            Objects.requireNonNull(blob, "blob");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A broken transfer goes on: a retry, a resumed download. */
    record Retrying(Digest blob, String reason) implements TransferEvent {
        public Retrying {
            Objects.requireNonNull(blob, "blob");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A Docker Hub mirror did not give the image; the next mirror, or Docker Hub itself, is tried. */
    record MirrorSkipped(String mirror, String reason) implements TransferEvent {
        public MirrorSkipped {
            Objects.requireNonNull(mirror, "mirror");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The image is stored (pull) or the manifest written (push).
     *
     * @param digest the manifest (or index) digest the registry knows it by
     * @param changed false when a pull found the image up to date
     */
    record Finished(String reference, Digest digest, long size, boolean changed) implements TransferEvent {
        public Finished {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /** How a blob ended, as Docker words it. */
    enum BlobOutcome {
        /** Pull: was in the store already ({@code Already exists}). */
        ALREADY_EXISTS,
        /** Pull: fetched and verified ({@code Pull complete}). */
        PULLED,
        /** Push: the registry had it ({@code Layer already exists}). */
        LAYER_EXISTS,
        /** Push: mounted from another repository ({@code Mounted from REPO}). */
        MOUNTED,
        /** Push: uploaded ({@code Pushed}). */
        PUSHED
    }
}
