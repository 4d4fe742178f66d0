package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.testing.TarBuilder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Refusals named by entry, replacement rules and unprivileged behaviour of {@link LayerExtractor}. */
class LayerExtractorTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ../../etc/passwd | path escapes the root
            a/../../x        | path escapes the root
            a/../b           | path escapes the root
            /etc/passwd      | absolute path
            """)
    void hostileNamesAreRefusedNamingLayerAndEntry(String name, String reason) {
        Sandbox box = new Sandbox(temp);

        assertThatThrownBy(() -> box.extract(new TarBuilder().file(name, "x").build()))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry " + name + ": " + reason);
        box.assertOutsideUntouched();
    }

    @Test
    void overlongNameIsRefused() {
        Sandbox box = new Sandbox(temp);
        String name = "d/".repeat(3000) + "f";

        assertThatThrownBy(() -> box.extract(new TarBuilder().file(name, "x").build()))
                .isInstanceOf(StoreException.class)
                .hasMessageEndingWith(": name longer than 4096 bytes");
    }

    @Test
    void hardlinkToADirectoryIsRefused() {
        Sandbox box = new Sandbox(temp);

        assertThatThrownBy(() -> box.extract(new TarBuilder().dir("d").hardlink("h", "d").build()))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry h: hardlink to directory d");
    }

    @Test
    void fileInsideAFileIsRefused() {
        Sandbox box = new Sandbox(temp);

        assertThatThrownBy(() -> box.extract(new TarBuilder().file("f", "x").file("f/g", "y").build()))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry f/g: parent f is not a directory");
    }

    @Test
    void malformedHeaderIsRefused() {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder().file("a", "x").build();
        layer[150] ^= 0x55; // inside the checksum field

        assertThatThrownBy(() -> box.extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("layer sha256:test: header after entry (start): malformed tar:");
    }

    @Test
    void devicesAreSkippedAndReportedWhenUnprivileged() {
        Sandbox box = new Sandbox(temp);
        TarArchiveEntry device = TarBuilder.entry("null", TarConstants.LF_CHR);
        device.setDevMajor(1);
        device.setDevMinor(3);
        byte[] layer = new TarBuilder().raw(device, new byte[0]).owned("f", "x", 0640, 5, 6).build();

        ExtractResult result = box.extract(layer, new ExtractOptions(1 << 20, 4096, ExtractOptions.WhiteoutMode.APPLY, false));

        assertThat(result.skipped()).containsExactly("null: device nodes need root");
        assertThat(box.root.resolve("null")).doesNotExist();
        assertThat(result.diffId()).isEqualTo(Digest.sha256(layer));
    }

    @Test
    void laterEntryReplacesEarlierOneOfAnotherType() throws Exception {
        Sandbox box = new Sandbox(temp);
        box.extract(new TarBuilder().dir("x").file("x/inner", "i").symlink("y", "x").build());

        box.extract(new TarBuilder().file("x", "now a file").dir("y").build());

        assertThat(box.root.resolve("x")).hasContent("now a file");
        assertThat(Files.isDirectory(box.root.resolve("y"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(box.root.resolve("x")).isRegularFile();
    }

    @Test
    void directoryTimesAreSetAfterTheirChildren() throws Exception {
        Sandbox box = new Sandbox(temp);
        box.extract(new TarBuilder().dir("d").file("d/a", "a").file("d/b", "b").build());

        assertThat(Files.getLastModifiedTime(box.root.resolve("d")).toMillis()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void aKnownDirectoryReplacedBySymlinkInTheSameLayerIsResolvedThroughTheLinkAgain() throws Exception {
        // The extractor takes directories it made as their own resolution; replacing one must undo that, so the
        // later a/g lands where the symlink leads, inside the root, as it did when every parent was looked up.
        Sandbox box = new Sandbox(temp);
        box.extract(new TarBuilder().dir("a").file("a/f", "f").dir("b").symlink("a", "b").file("a/g", "g")
                .symlink("b/up", "/").file("a/up/h", "h").build());

        assertThat(Files.isSymbolicLink(box.root.resolve("a"))).isTrue();
        assertThat(box.root.resolve("b/g")).hasContent("g");
        assertThat(box.root.resolve("h")).hasContent("h");
        box.assertOutsideUntouched();
    }
}
