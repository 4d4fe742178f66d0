package dev.berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upper directory in overlayfs's own form (made by the extractor's overlay mode) becomes OCI whiteouts. */
class OverlayUpperEntriesTest {

    @TempDir
    Path upper;

    @Test
    void deviceWhiteoutsAndOpaqueDirectoriesBecomeOciWhiteouts() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "device nodes and trusted xattrs need root");
        TestLayers layer = TestLayers.of(TestLayers.dir("a"), TestLayers.whiteout("a/.wh.gone"), TestLayers.dir("b"),
                TestLayers.whiteout("b/.wh..wh..opq"), TestLayers.file("b/new", "n"), TestLayers.whiteout(".wh.top"));
        new LayerExtractor(ExtractOptions.defaults(true).withWhiteouts(ExtractOptions.WhiteoutMode.OVERLAY))
                .extract("upper", layer.stream(), upper);

        var entries = OverlayUpperEntries.of(upper);

        assertThat(TestLayers.describe(entries)).containsExactly(
                ".wh.top:WHITEOUT", "a:DIRECTORY", "a/.wh.gone:WHITEOUT", "b:DIRECTORY", "b/.wh..wh..opq:WHITEOUT", "b/new:FILE");
        assertThat(entries).allMatch(e -> e.xattrs().keySet().stream().noneMatch(k -> k.startsWith("trusted.overlay.")));
    }
}
