package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.error.UnsupportedFeatureException;
import dev.berth.event.ProgressListener;
import dev.berth.image.Digest;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneKeepsBuildCacheTest {

    @TempDir
    Path root;

    @TempDir
    Path context;

    @Test
    void pruningAllImagesKeepsTheLayersTheBuildCacheNames() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY app.txt /app.txt\n");
        Files.writeString(context.resolve("app.txt"), "hello\n");
        StoreLayout layout = new StoreLayout(root);
        List<Digest> layers;
        try (LocalStore store = LocalStore.open(layout)) {
            Builder builder = new Builder(store, invocation -> {
                throw new UnsupportedFeatureException("no RUN in this test");
            }, Clock.systemUTC());
            builder.build(BuildRequest.builder(context).tags(List.of("app")).build(), ProgressListener.NONE);
            layers = List.copyOf(builder.cache().roots());
        }

        try (Berth berth = Berth.open(Settings.builder().root(layout.root()).clock(Clock.systemUTC()).build())) {
            berth.pruneImages(true);

            assertThat(berth.images()).isEmpty();
        }
        assertThat(layers).isNotEmpty().allSatisfy(blob -> assertThat(layout.blob(blob)).exists());
    }
}
