package dev.berth.image;

import java.util.List;
import java.util.Optional;

/**
 * Reads and writes manifests, indexes and descriptors. OCI types are written in the key order of the
 * image-spec's Go structs; Docker v2.2 manifests and manifest lists in Docker distribution's order,
 * whose descriptors put {@code size} before {@code digest}. Unknown members are ignored, as Docker does.
 */
final class ManifestCodec {

    private ManifestCodec() {
    }

    static Manifest readManifest(JsonObject json) {
        int schemaVersion = schemaVersion(json);
        Optional<MediaType> mediaType = mediaType(json);
        String artifactType = json.string("artifactType");
        Descriptor config = readDescriptor(json.requiredObject("config"));
        List<Descriptor> layers = json.objects("layers").stream().map(ManifestCodec::readDescriptor).toList();
        Optional<Descriptor> subject = json.object("subject").map(ManifestCodec::readDescriptor);
        return new Manifest(schemaVersion, mediaType, artifactType, config, layers, subject,
                json.stringMap("annotations"));
    }

    static ImageIndex readIndex(JsonObject json) {
        int schemaVersion = schemaVersion(json);
        Optional<MediaType> mediaType = mediaType(json);
        String artifactType = json.string("artifactType");
        List<Descriptor> manifests = json.objects("manifests").stream().map(ManifestCodec::readDescriptor).toList();
        Optional<Descriptor> subject = json.object("subject").map(ManifestCodec::readDescriptor);
        return new ImageIndex(schemaVersion, mediaType, artifactType, manifests, subject,
                json.stringMap("annotations"));
    }

    static Descriptor readDescriptor(JsonObject json) {
        MediaType mediaType = MediaType.parse(json.requiredString("mediaType"));
        Digest digest = json.digest("digest");
        long size = json.requiredLong("size");
        if (size < 0) {
            throw json.fail(json.pathOf("size"), "must not be negative, found " + size);
        }
        String data = json.string("data");
        if (!data.isEmpty()) {
            try {
                data = Descriptor.canonicalBase64(data);
            } catch (IllegalArgumentException e) {
                throw json.fail(json.pathOf("data"), "invalid base64: " + e.getMessage());
            }
        }
        return new Descriptor(mediaType, digest, size, json.strings("urls"), json.stringMap("annotations"), data,
                json.object("platform").map(ManifestCodec::readPlatform), json.string("artifactType"));
    }

    static Platform readPlatform(JsonObject json) {
        return new Platform(json.string("os"), json.string("architecture"), json.string("variant"),
                json.string("os.version"), json.strings("os.features"));
    }

    static void writeManifest(Manifest manifest, CanonicalJsonWriter out) {
        boolean docker = manifest.isDocker();
        out.beginObject().name("schemaVersion").value(manifest.schemaVersion());
        manifest.mediaType().ifPresent(type -> out.name("mediaType").value(type.value()));
        if (!manifest.artifactType().isEmpty()) {
            out.name("artifactType").value(manifest.artifactType());
        }
        out.name("config");
        writeDescriptor(manifest.config(), docker, out);
        out.name("layers").beginArray();
        manifest.layers().forEach(layer -> writeDescriptor(layer, docker, out));
        out.endArray();
        manifest.subject().ifPresent(subject -> writeDescriptor(subject, docker, out.name("subject")));
        if (!manifest.annotations().isEmpty()) {
            out.name("annotations").stringMap(manifest.annotations());
        }
        out.endObject();
    }

    static void writeIndex(ImageIndex index, CanonicalJsonWriter out) {
        boolean docker = index.isDocker();
        out.beginObject().name("schemaVersion").value(index.schemaVersion());
        index.mediaType().ifPresent(type -> out.name("mediaType").value(type.value()));
        if (!index.artifactType().isEmpty()) {
            out.name("artifactType").value(index.artifactType());
        }
        out.name("manifests").beginArray();
        index.manifests().forEach(manifest -> writeDescriptor(manifest, docker, out));
        out.endArray();
        index.subject().ifPresent(subject -> writeDescriptor(subject, docker, out.name("subject")));
        if (!index.annotations().isEmpty()) {
            out.name("annotations").stringMap(index.annotations());
        }
        out.endObject();
    }

    /** Writes one descriptor; {@code docker} selects distribution's order (size before digest). */
    static void writeDescriptor(Descriptor descriptor, boolean docker, CanonicalJsonWriter out) {
        out.beginObject().name("mediaType").value(descriptor.mediaType().value());
        if (docker) {
            out.name("size").value(descriptor.size()).name("digest").value(descriptor.digest().toString());
        } else {
            out.name("digest").value(descriptor.digest().toString()).name("size").value(descriptor.size());
        }
        if (!descriptor.urls().isEmpty()) {
            out.name("urls").stringArray(descriptor.urls());
        }
        if (!descriptor.annotations().isEmpty()) {
            out.name("annotations").stringMap(descriptor.annotations());
        }
        if (!descriptor.data().isEmpty()) {
            out.name("data").value(descriptor.data());
        }
        descriptor.platform().ifPresent(platform -> writePlatform(platform, out.name("platform")));
        if (!descriptor.artifactType().isEmpty()) {
            out.name("artifactType").value(descriptor.artifactType());
        }
        out.endObject();
    }

    static void writePlatform(Platform platform, CanonicalJsonWriter out) {
        out.beginObject().name("architecture").value(platform.architecture()).name("os").value(platform.os());
        if (!platform.osVersion().isEmpty()) {
            out.name("os.version").value(platform.osVersion());
        }
        if (!platform.osFeatures().isEmpty()) {
            out.name("os.features").stringArray(platform.osFeatures());
        }
        if (!platform.variant().isEmpty()) {
            out.name("variant").value(platform.variant());
        }
        out.endObject();
    }

    private static int schemaVersion(JsonObject json) {
        long version = json.requiredLong("schemaVersion");
        if (version != 2) {
            throw json.fail("schemaVersion", "expected 2, found " + version
                    + (version == 1 ? " (Docker schema 1 manifests are deprecated and not supported)" : ""));
        }
        return 2;
    }

    private static Optional<MediaType> mediaType(JsonObject json) {
        String value = json.string("mediaType");
        return value.isEmpty() ? Optional.empty() : Optional.of(MediaType.parse(value));
    }
}
