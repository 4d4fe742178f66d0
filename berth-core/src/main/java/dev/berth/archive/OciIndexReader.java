package dev.berth.archive;

import dev.berth.image.Descriptor;
import dev.berth.image.ImageIndex;
import dev.berth.image.ImageJson;
import dev.berth.image.Manifest;
import dev.berth.image.MediaType;
import dev.berth.image.Platform;
import dev.berth.image.StandardMediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images an archive's {@code index.json} lists. A name is the {@code io.containerd.image.name}
 * annotation (Docker and containerd write the full name there), else an
 * {@code org.opencontainers.image.ref.name} that is itself a reference with a repository
 * ({@code busybox:latest}); a bare tag ({@code latest}) without the other names nothing. A nested index
 * (a multi-platform image) contributes the manifest for linux on this machine's architecture.
 */
final class OciIndexReader {

    private final ArchiveEntries entries;
    private final ImageJson json;

    OciIndexReader(ArchiveEntries entries, ImageJson json) {
        this.entries = entries;
        this.json = json;
    }

    List<OciImage> images() {
        byte[] bytes = entries.bytes(entries.require("index.json"), ImageJson.DEFAULT_MAX_MANIFEST_BYTES, "index.json");
        ImageIndex index = json.readIndex(bytes, "index.json");
        Map<String, OciImage> byDigest = new LinkedHashMap<>();
        for (Descriptor descriptor : index.manifests()) {
            Optional<Descriptor> manifestDescriptor = manifestFor(descriptor);
            if (manifestDescriptor.isEmpty()) {
                continue;
            }
            ArchiveEntries.Content content = entries.blob(manifestDescriptor.get());
            Manifest manifest = json.readManifest(
                    entries.bytes(content, ImageJson.DEFAULT_MAX_MANIFEST_BYTES, "manifest"), "manifest " + content.digest());
            List<String> names = new ArrayList<>();
            name(descriptor).ifPresent(names::add);
            OciImage previous = byDigest.get(content.digest().toString());
            if (previous != null) {
                names.addAll(0, previous.names());
            }
            byDigest.put(content.digest().toString(), new OciImage(content, manifest, names.stream().distinct().toList()));
        }
        return List.copyOf(byDigest.values());
    }

    private Optional<Descriptor> manifestFor(Descriptor descriptor) {
        MediaType type = descriptor.mediaType();
        if (type == StandardMediaType.OCI_MANIFEST || type == StandardMediaType.DOCKER_MANIFEST) {
            return Optional.of(descriptor);
        }
        if (type == StandardMediaType.OCI_INDEX || type == StandardMediaType.DOCKER_MANIFEST_LIST) {
            ArchiveEntries.Content content = entries.blob(descriptor);
            ImageIndex nested = json.readIndex(entries.bytes(content, ImageJson.DEFAULT_MAX_MANIFEST_BYTES, "index"),
                    "index " + content.digest());
            String architecture = HostPlatform.architecture();
            return nested.manifests().stream()
                    .filter(child -> child.platform().map(Platform::os).orElse("").equals("linux"))
                    .filter(child -> child.platform().map(Platform::architecture).orElse("").equals(architecture))
                    .filter(child -> entries.find(ArchiveWriter.path(child.digest())).isPresent())
                    .findFirst();
        }
        return Optional.empty();
    }

    private static Optional<String> name(Descriptor descriptor) {
        String full = descriptor.annotations().get(ArchiveWriter.IMAGE_NAME);
        if (full != null) {
            return Optional.of(ArchiveReader.fullName(full));
        }
        String ref = descriptor.annotations().get(ArchiveWriter.REF_NAME);
        if (ref != null && (ref.contains(":") || ref.contains("/"))) {
            return Optional.of(ArchiveReader.fullName(ref));
        }
        return Optional.empty();
    }
}
