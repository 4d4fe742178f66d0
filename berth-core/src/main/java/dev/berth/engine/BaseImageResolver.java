package dev.berth.engine;

import dev.berth.error.NotFoundException;
import dev.berth.error.StepInputException;
import dev.berth.error.StoreException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageIndex;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.InvalidReferenceException;
import dev.berth.image.LayerRef;
import dev.berth.image.Manifest;
import dev.berth.image.Platform;
import dev.berth.image.StandardMediaType;
import dev.berth.store.ContentStore;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds a base image in the local store by reference and reads its manifest (choosing the host
 * platform's from an index), config and layers. Before each lookup the {@link BaseImageFetcher} may pull it (the
 * API's, under the build's pull policy); an image still missing is a {@link NotFoundException} that says how to get it.
 */
record BaseImageResolver(ContentStore content, OciLayout images, ImageJson json, BaseImageFetcher fetcher) {

    BaseImageResolver(ContentStore content, OciLayout images, ImageJson json) {
        this(content, images, json, BaseImageFetcher.LOCAL_ONLY);
    }

    /** A stored image: its manifest's digest, config and layers. */
    record Resolved(Digest manifest, ImageConfig config, List<LayerRef> layers) {}

    Resolved resolve(String reference, Platform platform) {
        return resolve(reference, platform, line -> { });
    }

    /** As {@link #resolve(String, Platform)}, the image first pulled by the fetcher when it decides to, its lines to {@code progress}. */
    Resolved resolve(String reference, Platform platform, Consumer<String> progress) {
        ImageReference parsed;
        try {
            parsed = ImageReference.parse(reference).withDefaultTag();
        } catch (InvalidReferenceException e) {
            throw new StepInputException("invalid image reference \"" + reference + "\": " + e.getMessage());
        }
        fetcher.ensure(parsed.toString(), images.resolve(parsed.toString()).isPresent(), platform, progress);
        IndexDescriptor found = images.resolve(parsed.toString()).orElseThrow(() -> new NotFoundException(
                "image " + parsed.familiar() + " is not in the local store; run `berth pull " + parsed.familiar()
                        + "` or `berth load` it first"));
        Digest manifestDigest = found.digest();
        byte[] bytes = read(manifestDigest);
        if (found.mediaType().equals(StandardMediaType.OCI_INDEX.value())
                || found.mediaType().equals(StandardMediaType.DOCKER_MANIFEST_LIST.value())) {
            ImageIndex index = json.readIndex(bytes, "image index " + manifestDigest);
            Descriptor chosen = index.manifests().stream()
                    .filter(d -> d.platform().map(p -> p.os().equals(platform.os())
                            && p.architecture().equals(platform.architecture())).orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("image " + parsed.familiar() + " has no manifest for "
                            + platform));
            manifestDigest = chosen.digest();
            bytes = read(manifestDigest);
        }
        Manifest manifest = json.readManifest(bytes, "manifest " + manifestDigest);
        ImageConfig config = json.readConfig(read(manifest.config().digest()), "image config " + manifest.config().digest());
        List<Digest> diffIds = config.rootFs().diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new StoreException("image " + parsed.familiar() + " has " + manifest.layers().size()
                    + " layers but its config lists " + diffIds.size());
        }
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(new LayerRef(manifest.layers().get(i), diffIds.get(i)));
        }
        return new Resolved(manifestDigest, config, layers);
    }

    private byte[] read(Digest digest) {
        try (InputStream in = content.open(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("reading blob " + digest, e);
        }
    }
}
