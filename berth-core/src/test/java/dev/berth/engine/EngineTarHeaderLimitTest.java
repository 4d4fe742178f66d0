package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.copy.AddedArchives;
import dev.berth.engine.rootfs.RootfsAttributes;
import dev.berth.engine.rootfs.RootfsFileReader;
import dev.berth.error.StoreException;
import dev.berth.image.Descriptor;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.store.ContentStore;
import dev.berth.store.InMemoryContentStore;
import dev.berth.store.Ingester;
import dev.berth.testing.TarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's own tar readers (ADD of a local archive, reading /etc/passwd from a layer, the owners of a
 * layer's paths) are capped like the layer extractor: a PAX header over 1 MiB is refused, naming what was read.
 */
class EngineTarHeaderLimitTest {

    private static final String REFUSAL = "extended header (type x) of 2097183 bytes, more than the 1048576 allowed";

    @TempDir
    Path directory;

    @Test
    void addOfALocalArchiveWithAHostileHeaderIsRefusedNamingTheArchive() throws IOException {
        Path archive = Files.write(directory.resolve("hostile.tar"), hostileTar("etc/passwd"));

        assertThat(AddedArchives.isArchive(archive)).as("a tar, refused when read, not copied as a plain file")
                .isTrue();
        assertThatThrownBy(() -> AddedArchives.read(archive, "opt"))
                .isInstanceOf(StoreException.class)
                .hasMessage("extracting archive " + archive)
                .cause().hasMessage(REFUSAL);
    }

    /** Commons Compress reads a header whose checksum is wrong all the same: the cap must not depend on it. */
    @Test
    void aHostileHeaderWithAWrongChecksumIsRefusedAllTheSame() throws IOException {
        byte[] bytes = hostileTar("etc/passwd");
        bytes[0] ^= 1;
        Path archive = Files.write(directory.resolve("bad-sum.tar"), bytes);

        assertThat(AddedArchives.isArchive(archive)).isTrue();
        assertThatThrownBy(() -> AddedArchives.read(archive, "opt"))
                .isInstanceOf(StoreException.class)
                .hasMessage("extracting archive " + archive)
                .cause().hasMessage(REFUSAL);
    }

    @Test
    void aHonestArchiveWithAPaxHeaderIsStillRead() throws IOException {
        Path archive = Files.write(directory.resolve("honest.tar"), tar("etc/passwd", "v".repeat(64 * 1024)));

        assertThat(AddedArchives.isArchive(archive)).isTrue();
        assertThat(AddedArchives.read(archive, "opt")).extracting(entry -> entry.path()).containsExactly("opt/etc/passwd");
    }

    @Test
    void readingAFileFromALayerWithAHostileHeaderIsRefusedNamingTheFileAndLayer() throws IOException {
        ContentStore content = new InMemoryContentStore();
        LayerRef layer = store(content, hostileTar("etc/passwd"));

        assertThatThrownBy(() -> new RootfsFileReader(content, RootfsFileReader.DEFAULT_MAX_BYTES)
                .read(List.of(layer), "/etc/passwd"))
                .isInstanceOf(StoreException.class)
                .hasMessage("reading /etc/passwd from layer " + layer.blob().digest())
                .cause().hasMessage(REFUSAL);
    }

    @Test
    void readingTheOwnersOfALayerWithAHostileHeaderIsRefusedNamingTheLayer() throws IOException {
        ContentStore content = new InMemoryContentStore();
        LayerRef layer = store(content, hostileTar("etc/passwd"));

        // Headers are read when a lookup first reaches the layer.
        assertThatThrownBy(() -> RootfsAttributes.read(content, List.of(layer)).of("etc/passwd"))
                .isInstanceOf(StoreException.class)
                .hasMessage("reading the owners in layer " + layer.blob().digest())
                .cause().hasMessage(REFUSAL);
    }

    static byte[] hostileTar(String name) {
        return tar(name, "x".repeat(2 << 20));
    }

    /** One file {@code name} whose PAX header carries an xattr of {@code value}. */
    static byte[] tar(String name, String value) {
        return new TarBuilder().fileWithXattr(name, "1", "user.big", value).build();
    }

    private static LayerRef store(ContentStore content, byte[] tar) throws IOException {
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(tar);
            Digest digest = ingester.commit(Optional.empty()).digest();
            return new LayerRef(Descriptor.of(StandardMediaType.OCI_LAYER, digest, tar.length), digest);
        }
    }
}
