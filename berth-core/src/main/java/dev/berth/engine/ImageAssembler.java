package dev.berth.engine;

import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.Manifest;
import dev.berth.image.StandardMediaType;
import dev.berth.store.ContentStore;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.OciLayout;
import java.util.List;

/**
 * Writes an image: its config and OCI manifest into the content store (verified ingest), then lists it
 * in the OCI layout under each tag, or untagged when there is none.
 */
public record ImageAssembler(ContentStore content, OciLayout images, ImageJson json) {

    /** The image written: the manifest's descriptor and the image ID (the config's digest). */
    public record Assembled(Descriptor manifest, Digest imageId) {}

    public Assembled assemble(ImageConfig config, List<LayerRef> layers, List<String> tags) {
        Descriptor configBlob = put(StandardMediaType.OCI_CONFIG, json.write(config));
        Manifest manifest = Manifest.oci(configBlob, layers.stream().map(LayerRef::blob).toList());
        Descriptor manifestBlob = put(StandardMediaType.OCI_MANIFEST, json.write(manifest));
        IndexDescriptor listed = new IndexDescriptor(StandardMediaType.OCI_MANIFEST.value(), manifestBlob.digest(),
                manifestBlob.size());
        if (tags.isEmpty()) {
            images.addUntagged(listed);
        }
        for (String tag : tags) {
            images.tag(ImageReference.parse(tag).withDefaultTag().toString(), listed);
        }
        return new Assembled(manifestBlob, configBlob.digest());
    }

    private Descriptor put(StandardMediaType type, byte[] bytes) {
        return BlobWriter.put(content, type, bytes);
    }
}
