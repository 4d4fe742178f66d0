package dev.berth.engine;

import dev.berth.api.BuildRequest;
import dev.berth.api.BuildResult;
import dev.berth.api.TestBuilds;
import dev.berth.event.BuildEvent;
import dev.berth.event.ProgressListener;
import dev.berth.image.ContainerConfig;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.LayerRef;
import dev.berth.image.Manifest;
import dev.berth.image.Platform;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerStorer;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** A store, a context directory and a recording RUN executor for build tests. */
final class BuildFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    final Path context;
    final LocalStore store;
    final FakeRunExecutor runs = new FakeRunExecutor();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    final ImageJson json = ImageJson.standard();

    BuildFixture(Path directory) throws IOException {
        this.context = Files.createDirectories(directory.resolve("context"));
        this.store = LocalStore.open(new StoreLayout(directory.resolve("store")));
        runs.content = store.content();
    }

    BuildFixture file(String path, String content) throws IOException {
        Path file = context.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    BuildResult build(String dockerfile) throws IOException {
        return build(dockerfile, request -> request);
    }

    BuildResult build(String dockerfile, UnaryOperator<BuildRequest.Builder> change) throws IOException {
        file("Dockerfile", dockerfile);
        return rebuild(change);
    }

    /** Builds the context as it is, its Dockerfile untouched. */
    BuildResult rebuild(UnaryOperator<BuildRequest.Builder> change) {
        events.clear();
        ProgressListener listener = events::add;
        return TestBuilds.build(store, runs, clock, change.apply(BuildRequest.builder(context)).build(), listener);
    }

    /** Later builds run this much later, as a rebuild an hour on would. */
    BuildFixture advanceClock(Duration by) {
        clock = Clock.offset(clock, by);
        return this;
    }

    long cachedSteps() {
        return events.stream().filter(event -> event instanceof BuildEvent.StepCached).count();
    }

    ImageConfig config(BuildResult result) {
        return json.readConfig(read(result.imageId()), "config");
    }

    Manifest manifest(BuildResult result) {
        return json.readManifest(read(result.manifest()), "manifest");
    }

    /** Each entry of the image's last layer as {@code path type mode uid:gid [size]}. */
    List<String> lastLayer(BuildResult result) {
        return layer(manifest(result).layers().getLast().digest());
    }

    List<String> layer(dev.berth.image.Digest digest) {
        List<String> entries = new ArrayList<>();
        try (InputStream in = store.content().open(digest); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String type = entry.isDirectory() ? "dir" : entry.isSymbolicLink() ? "link->" + entry.getLinkName() : "file";
                String size = entry.isFile() ? " " + new String(tar.readAllBytes(), StandardCharsets.UTF_8) : "";
                entries.add(entry.getName().replaceFirst("/$", "") + " " + type + " " + Integer.toOctalString(entry.getMode() & 07777) + " "
                        + entry.getLongUserId() + ":" + entry.getLongGroupId() + size);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return entries;
    }

    byte[] read(dev.berth.image.Digest digest) {
        try (InputStream in = store.content().open(digest)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Stores an image of one layer with {@code entries} and tags it; returns its manifest. */
    ImageAssembler.Assembled baseImage(String tag, List<LayerEntry> entries, UnaryOperator<ContainerConfig> config) {
        LayerRef layer = new LayerStorer(store.content(), Optional.empty()).store(entries);
        ImageConfig image = ImageConfig.empty(Platform.of("linux", "amd64"))
                .withConfig(config.apply(ContainerConfig.builder().env(List.of("PATH=/bin")).build()))
                .withLayer(layer.diffId(), new HistoryEntry(Optional.empty(), "base", "", "", false));
        return new ImageAssembler(store.content(), store.images(), json).assemble(image, List.of(layer), List.of(tag));
    }

    static Map<String, String> args(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Override
    public void close() {
        store.close();
    }
}
