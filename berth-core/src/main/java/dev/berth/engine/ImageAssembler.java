package dev.berth.engine;

import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.LayerRef;
import dev.berth.image.Manifest;
import dev.berth.image.StandardMediaType;
import dev.berth.store.ContentStore;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.OciLayout;
import java.util.List;

/**
 * Writes an image: its config and OCI manifest into the content store (verified ingest), then, unless
 * only written, lists it in the OCI layout under each tag, or untagged when there is none.
 */
public record ImageAssembler(ContentStore content, OciLayout images, ImageJson json) {

    /** The image written: the manifest's descriptor, the manifest itself and the image ID (the config's digest). */
    public record Assembled(Descriptor manifestBlob, Manifest manifest, Digest imageId) {}

    /** Writes the image and lists it under each tag, or untagged when there is none. */
    public Assembled assemble(ImageConfig config, List<LayerRef> layers, List<String> tags) {
        Assembled image = write(config, layers);
        IndexDescriptor listed = new IndexDescriptor(StandardMediaType.OCI_MANIFEST.value(), image.manifestBlob().digest(),
                image.manifestBlob().size());
        if (tags.isEmpty()) {
            images.addUntagged(listed);
        }
        for (String tag : tags) {
            images.tag(ImageReference.parse(tag).withDefaultTag().toString(), listed);
        }
        return image;
    }

    /**
     * Writes the config and manifest blobs only: the image is not listed, as for a build whose outputs are
     * archives or files, and garbage collection may take it once nothing else refers to it.
     */
    public Assembled write(ImageConfig config, List<LayerRef> layers) {
        Descriptor configBlob = put(StandardMediaType.OCI_CONFIG, json.write(config));
        Manifest manifest = Manifest.oci(configBlob, layers.stream().map(LayerRef::blob).toList());
        Descriptor manifestBlob = put(StandardMediaType.OCI_MANIFEST, json.write(manifest));
        return new Assembled(manifestBlob, manifest, configBlob.digest());
    }

    private Descriptor put(StandardMediaType type, byte[] bytes) {
        return BlobWriter.put(content, type, bytes);
    }
}
