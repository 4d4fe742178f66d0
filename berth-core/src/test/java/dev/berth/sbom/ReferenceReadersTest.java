package dev.berth.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import dev.berth.store.InMemoryContentStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both documents of the synthetic image read back by the reference libraries, every package's PURL with them. */
class ReferenceReadersTest {

    private static Inventory inventory() {
        InMemoryContentStore content = new InMemoryContentStore();
        List<MergedLayers.Layer> layers = SyntheticImage.store(content);
        return new InventoryReader(content, new RpmQuery(Optional.empty(), Path.of("/nonexistent")))
                .read(Digest.sha256(new byte[] {1}), "synthetic:readback", layers);
    }

    @Test
    void cycloneDxCoreJavaReadsEveryPackage() throws Exception {
        Inventory inventory = inventory();
        ReferenceReaders.ReadBack read = ReferenceReaders.cycloneDx(CycloneDxWriter.write(inventory, Instant.EPOCH));
        assertThat(read.version()).isEqualTo("1.6");
        assertThat(read.purls()).containsExactlyInAnyOrderElementsOf(
                inventory.packages().stream().map(FoundPackage::purl).toList());
    }

    @Test
    void spdxJavaLibraryReadsAndVerifiesEveryPackage() throws Exception {
        Inventory inventory = inventory();
        ReferenceReaders.ReadBack read = ReferenceReaders.spdx(SpdxWriter.write(inventory, Instant.EPOCH));
        assertThat(read.version()).isEqualTo("SPDX-2.3");
        assertThat(read.problems()).isEmpty();
        assertThat(read.purls()).containsExactlyInAnyOrderElementsOf(
                inventory.packages().stream().map(FoundPackage::purl).toList());
    }
}
