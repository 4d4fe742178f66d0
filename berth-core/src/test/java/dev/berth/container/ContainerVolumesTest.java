package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import dev.berth.runtime.ResourceLimits;
import dev.berth.volume.VolumeStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a container's mounts are resolved when it is made, as Docker resolves them. */
class ContainerVolumesTest {

    @TempDir
    Path store;
    @TempDir
    Path host;

    private VolumeStore volumes() {
        return ContainerVolumes.storeBeside(store.resolve("containers"), Clock.systemUTC());
    }

    private static ContainerHostConfig mounts(MountRequest... requests) {
        return new ContainerHostConfig(List.of(requests), false, false, ResourceLimits.none(), List.of(), List.of(),
                false, List.of(), Optional.empty(), OptionalInt.empty());
    }

    @Test
    void anImageVolumeNoMountCoversGetsAnAnonymousVolumeToFill() {
        var resolved = ContainerVolumes.resolve(mounts(new MountRequest.Volume(Optional.of("named"), "/srv/", false, false)),
                Set.of("/srv", "/data"), volumes());

        assertThat(resolved.mounts()).extracting(ContainerMount::target).containsExactly("/srv", "/data");
        assertThat(resolved.mounts().get(1).anonymous()).isTrue();
        assertThat(resolved.mounts().get(1).name().orElseThrow()).matches("[0-9a-f]{64}");
        assertThat(resolved.fills()).extracting(ContainerVolumes.Fill::target).containsExactly("/srv", "/data");
        assertThat(volumes().list()).hasSize(2);
    }

    @Test
    void aVolumeFlagMakesAMissingSourceAndTheMountFlagRefusesIt() {
        Path made = host.resolve("made/deeper");
        var resolved = ContainerVolumes.resolve(mounts(new MountRequest.Bind(made, "/m", true, true)), Set.of(), volumes());

        assertThat(made).isDirectory();
        assertThat(resolved.mounts().getFirst().hostPath()).contains(made);
        assertThat(ContainerVolumes.hostMounts(resolved.mounts())).singleElement()
                .satisfies(mount -> assertThat(mount.readOnly()).isTrue());
        assertThatThrownBy(() -> ContainerVolumes.resolve(mounts(new MountRequest.Bind(host.resolve("absent"), "/m", false,
                false)), Set.of(), volumes())).isInstanceOf(ExecutionException.class).hasMessage(
                "invalid mount config for type \"bind\": bind source path does not exist: " + host.resolve("absent"));
    }

    @Test
    void twoMountsOnOneTargetAreRefusedAndLeaveNoAnonymousVolume() {
        assertThatThrownBy(() -> ContainerVolumes.resolve(mounts(new MountRequest.Volume(Optional.empty(), "/x", false, false),
                new MountRequest.Tmpfs("/x/", List.of())), Set.of(), volumes()))
                .isInstanceOf(ExecutionException.class).hasMessage("Duplicate mount point: /x");
        assertThat(volumes().list()).isEmpty();
    }

    @Test
    void aBindThroughALinkIsResolvedOnTheHost() throws Exception {
        Path real = Files.createDirectories(host.resolve("real"));
        Path link = Files.createSymbolicLink(host.resolve("link"), real);

        var resolved = ContainerVolumes.resolve(mounts(new MountRequest.Bind(link, "/l", false, false)), Set.of(), volumes());

        assertThat(resolved.mounts().getFirst().hostPath()).contains(real.toRealPath());
    }

    @Test
    void anUnknownCapabilityIsRefusedBeforeAnythingIsMade() {
        var host = new ContainerHostConfig(List.of(), false, false, ResourceLimits.none(), List.of("FLY"), List.of(),
                false, List.of(), Optional.empty(), OptionalInt.empty());
        assertThatThrownBy(() -> ContainerVolumes.sandboxOptions(host, List.of())).isInstanceOf(ExecutionException.class)
                .hasMessage("unknown capability: \"CAP_FLY\"");
    }
}
