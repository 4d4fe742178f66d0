package dev.berth.engine;

import dev.berth.image.Compression;
import dev.berth.image.Descriptor;
import dev.berth.image.LayerRef;
import dev.berth.image.StandardMediaType;
import dev.berth.layer.DirectoryEntries;
import dev.berth.layer.ExtractOptions;
import dev.berth.layer.LayerDigests;
import dev.berth.layer.LayerExtractor;
import dev.berth.layer.LayerWriter;
import dev.berth.runtime.OciRuntime;
import dev.berth.runtime.RuntimeDetector;
import dev.berth.sandbox.HostMount;
import dev.berth.sandbox.SandboxNetwork;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.Snapshotter;
import dev.berth.store.BlobInfo;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.BaseImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** A temporary store holding the busybox root file system as one layer, and executors over it. */
final class RunFixture {

    final Path work;
    final LocalStore store;
    final LayerRef busybox;
    final OciRuntime runtime;

    RunFixture(Path work) throws IOException {
        this.work = work;
        this.store = LocalStore.open(new StoreLayout(work.resolve("store")));
        this.runtime = RuntimeDetector.fromEnvironment(System.getenv(), work.resolve("runtime-state")).choose();
        Path rootfs = Files.createDirectories(work.resolve("busybox-rootfs"));
        try (InputStream tar = Files.newInputStream(BaseImages.standard().busyboxRootfs())) {
            new LayerExtractor(ExtractOptions.defaults(true)).extract("busybox", tar, rootfs);
        }
        this.busybox = ingest(store.content(), rootfs);
    }

    ContainerRunStepExecutor executor(Function<Path, Snapshotter> snapshotter, String name) {
        return new ContainerRunStepExecutor(snapshotter.apply(store.paths().snapshots().resolve(name)), store.content(),
                runtime, store.paths().containers(), LayerWriter.of(Compression.GZIP, Optional.empty()));
    }

    static RunInvocation invocation(List<String> args, String user, SandboxNetwork network, List<HostMount> mounts,
            LayerRef base, ByteArrayOutputStream log) {
        return new RunInvocation(List.of(base), new SandboxProcess(args, List.of(), user, "/"), network, mounts, log,
                Optional.empty());
    }

    static LayerRef ingest(ContentStore content, Path tree) {
        try (Ingester ingester = content.ingest()) {
            LayerDigests digests = LayerWriter.of(Compression.GZIP, Optional.empty())
                    .write(DirectoryEntries.of(tree), ingester.stream());
            BlobInfo blob = ingester.commit(Optional.of(digests.blobDigest()));
            return new LayerRef(Descriptor.of(StandardMediaType.OCI_LAYER_GZIP, blob.digest(), blob.size()), digests.diffId());
        }
    }

    /** The entry names of a stored gzip layer, in order, with their content for regular files. */
    List<String> entries(LayerRef layer) throws IOException {
        List<String> names = new ArrayList<>();
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(store.content().open(layer.blob().digest())))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String content = entry.isFile() && entry.getSize() > 0 ? "=" + new String(tar.readAllBytes()).strip() : "";
                names.add(entry.getName() + content);
            }
        }
        return names;
    }

    static java.util.stream.Stream<Path> listQuietly(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.toList().stream();
        } catch (IOException notADirectory) {
            return java.util.stream.Stream.empty();
        }
    }
}
