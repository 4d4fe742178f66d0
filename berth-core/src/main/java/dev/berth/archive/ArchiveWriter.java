package dev.berth.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.StoreException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.ImageIndex;
import dev.berth.image.ImageJson;
import dev.berth.image.ImageReference;
import dev.berth.image.InvalidReferenceException;
import dev.berth.image.MediaType;
import dev.berth.image.StandardMediaType;
import dev.berth.store.BlobInfo;
import dev.berth.store.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes images as one tar stream: every blob once under {@code blobs/<alg>/<hex>} with its stored bytes,
 * {@code oci-layout}, {@code index.json} with one entry per name (annotated as Docker 25+ and containerd
 * write them), and for {@link ArchiveFormat#DOCKER} also {@code manifest.json} and {@code repositories}.
 * Entries have fixed owners, modes and a zero mtime, so the same images give the same archive bytes.
 */
public final class ArchiveWriter {

    /** containerd's annotation for the full image name; Docker's loader reads it. */
    static final String IMAGE_NAME = "io.containerd.image.name";
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final ContentStore content;
    private final ImageJson json;
    private final ObjectMapper mapper = new ObjectMapper();

    public ArchiveWriter(ContentStore content, ImageJson json) {
        this.content = content;
        this.json = json;
    }

    public void write(List<SavedImage> images, ArchiveFormat format, OutputStream out) {
        try {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            directory(tar, "blobs/");
            Set<String> algorithms = new LinkedHashSet<>();
            Set<Digest> written = new LinkedHashSet<>();
            for (SavedImage image : images) {
                for (Digest digest : blobsOf(image)) {
                    if (algorithms.add(digest.algorithm())) {
                        directory(tar, "blobs/" + digest.algorithm() + "/");
                    }
                    if (written.add(digest)) {
                        blob(tar, digest);
                    }
                }
            }
            file(tar, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
            file(tar, "index.json", json.write(index(images)));
            if (format == ArchiveFormat.DOCKER) {
                file(tar, "manifest.json", dockerManifest(images));
                file(tar, "repositories", repositories(images));
            }
            tar.finish();
            tar.flush();
        } catch (IOException e) {
            throw new StoreException("writing the image archive: " + e.getMessage(), e);
        }
    }

    private static List<Digest> blobsOf(SavedImage image) {
        List<Digest> digests = new ArrayList<>();
        digests.add(image.manifestDigest());
        digests.add(image.manifest().config().digest());
        image.manifest().layers().forEach(layer -> digests.add(layer.digest()));
        return digests;
    }

    static String path(Digest digest) {
        return "blobs/" + digest.algorithm() + "/" + digest.hex();
    }

    private ImageIndex index(List<SavedImage> images) {
        List<Descriptor> manifests = new ArrayList<>();
        for (SavedImage image : images) {
            BlobInfo info = content.info(image.manifestDigest()).orElseThrow(() -> missing(image.manifestDigest()));
            MediaType mediaType = image.manifest().mediaType().orElse(StandardMediaType.OCI_MANIFEST);
            Descriptor descriptor = Descriptor.of(mediaType, info.digest(), info.size());
            if (image.names().isEmpty()) {
                manifests.add(descriptor);
            }
            for (String name : image.names()) {
                Map<String, String> annotations = new LinkedHashMap<>();
                annotations.put(IMAGE_NAME, name);
                parse(name).flatMap(ImageReference::tag).ifPresent(tag -> annotations.put(REF_NAME, tag));
                manifests.add(descriptor.withAnnotations(annotations));
            }
        }
        return ImageIndex.oci(manifests);
    }

    private byte[] dockerManifest(List<SavedImage> images) throws IOException {
        ArrayNode root = mapper.createArrayNode();
        for (SavedImage image : images) {
            ObjectNode entry = root.addObject();
            entry.put("Config", path(image.manifest().config().digest()));
            ArrayNode tags = entry.putArray("RepoTags");
            image.names().forEach(name -> tags.add(parse(name).map(ImageReference::familiar).orElse(name)));
            ArrayNode layers = entry.putArray("Layers");
            image.manifest().layers().forEach(layer -> layers.add(path(layer.digest())));
        }
        return mapper.writeValueAsBytes(root);
    }

    /** The legacy {@code repositories} file: repository → tag → the hex of the top layer, as Docker writes it. */
    private byte[] repositories(List<SavedImage> images) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        for (SavedImage image : images) {
            if (image.manifest().layers().isEmpty()) {
                continue;
            }
            String top = image.manifest().layers().getLast().digest().hex();
            for (String name : image.names()) {
                Optional<ImageReference> reference = parse(name);
                if (reference.isPresent() && reference.get().tag().isPresent()) {
                    ObjectNode tags = root.has(reference.get().familiarName())
                            ? (ObjectNode) root.get(reference.get().familiarName())
                            : root.putObject(reference.get().familiarName());
                    tags.put(reference.get().tag().get(), top);
                }
            }
        }
        return mapper.writeValueAsBytes(root);
    }

    private static Optional<ImageReference> parse(String name) {
        try {
            return Optional.of(ImageReference.parse(name));
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    private void blob(TarArchiveOutputStream tar, Digest digest) throws IOException {
        BlobInfo info = content.info(digest).orElseThrow(() -> missing(digest));
        TarArchiveEntry entry = entry(path(digest), TarArchiveEntry.DEFAULT_FILE_MODE);
        entry.setSize(info.size());
        tar.putArchiveEntry(entry);
        try (InputStream in = content.open(digest)) {
            long copied = in.transferTo(tar);
            if (copied != info.size()) {
                throw new StoreException("saving blob " + digest + ": the store holds " + copied
                        + " bytes where " + info.size() + " were recorded");
            }
        }
        tar.closeArchiveEntry();
    }

    private static StoreException missing(Digest digest) {
        return new StoreException("saving blob " + digest + ": the store does not hold it "
                + "(a foreign or non-distributable layer cannot be saved)");
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = entry(name, TarArchiveEntry.DEFAULT_FILE_MODE);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(entry(name, TarArchiveEntry.DEFAULT_DIR_MODE));
        tar.closeArchiveEntry();
    }

    private static TarArchiveEntry entry(String name, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        entry.setModTime(0);
        entry.setUserId(0);
        entry.setGroupId(0);
        return entry;
    }
}
