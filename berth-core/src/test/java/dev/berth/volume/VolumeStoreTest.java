package dev.berth.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local volumes on disk: records, names, removal and Docker's copy-up. */
class VolumeStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path root;
    @TempDir
    Path image;

    private VolumeStore store() {
        return new VolumeStore(root.resolve("volumes"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aNamedVolumeIsMadeOnceAndFoundAgain() {
        VolumeStore.Created first = store().create(Optional.of("data"), Map.of("team", "db"));
        VolumeStore.Created again = store().create(Optional.of("data"), Map.of());

        assertThat(first.isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.volume()).isEqualTo(first.volume());
        assertThat(first.volume().mountpoint()).isEqualTo(root.resolve("volumes/data/_data")).isDirectory();
        assertThat(store().find("data").labels()).isEqualTo(Map.of("team", "db"));
        assertThat(store().find("data").createdAt()).isEqualTo(NOW);
    }

    @Test
    void anAnonymousVolumeHasAHexNameAndDockersLabel() {
        Volume anonymous = store().create(Optional.empty(), Map.of()).volume();

        assertThat(anonymous.name()).matches("[0-9a-f]{64}");
        assertThat(anonymous.anonymous()).isTrue();
        assertThat(store().list()).containsExactly(anonymous);
    }

    @Test
    void aDirectoryWithoutRecordIsNotListedAndIsCompletedByTheNextCreate() throws IOException {
        Files.createDirectories(root.resolve("volumes/half"));

        assertThat(store().list()).isEmpty();
        assertThat(store().create(Optional.of("half"), Map.of()).isNew()).isTrue();
        assertThat(store().list()).extracting(Volume::name).containsExactly("half");
    }

    @Test
    void removalTakesTheDataAndTheName() throws IOException {
        Volume volume = store().create(Optional.of("gone"), Map.of()).volume();
        Files.writeString(volume.mountpoint().resolve("file"), "x");

        store().remove("gone");

        assertThat(root.resolve("volumes/gone")).doesNotExist();
        assertThatThrownBy(() -> store().find("gone")).isInstanceOf(NotFoundException.class)
                .hasMessage("get gone: no such volume");
    }

    @Test
    void badNamesAreRefusedWithDockersTexts() {
        assertThatThrownBy(() -> store().create(Optional.of("x"), Map.of())).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("volume name is too short");
        assertThatThrownBy(() -> store().create(Optional.of("../up"), Map.of())).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("includes invalid characters for a local volume name");
    }

    @Test
    void anEmptyVolumeIsFilledWithModesOwnersTimesAndLinksKept() throws IOException {
        Path etc = Files.createDirectories(image.resolve("etc"));
        Path file = Files.writeString(etc.resolve("secret"), "s3cret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.setAttribute(file, "unix:gid", 65534);
        Files.createSymbolicLink(etc.resolve("link"), Path.of("secret"));
        Files.createLink(etc.resolve("hard"), file);
        Files.createDirectories(etc.resolve("sub/deeper"));
        Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("rwxr-x---"));
        Volume volume = store().create(Optional.of("etc"), Map.of()).volume();

        store().fill(volume, etc);

        Path copy = volume.mountpoint().resolve("secret");
        assertThat(copy).hasContent("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-r-----");
        assertThat(Files.getAttribute(copy, "unix:gid")).isEqualTo(65534);
        assertThat(Files.getLastModifiedTime(copy).toInstant()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(Files.readSymbolicLink(volume.mountpoint().resolve("link"))).isEqualTo(Path.of("secret"));
        assertThat(Files.getAttribute(volume.mountpoint().resolve("hard"), "unix:ino"))
                .isEqualTo(Files.getAttribute(copy, "unix:ino"));
        assertThat(volume.mountpoint().resolve("sub/deeper")).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(volume.mountpoint()))).isEqualTo("rwxr-x---");
    }

    @Test
    void aVolumeWithContentIsNotFilledAgain() throws IOException {
        Files.writeString(image.resolve("from-image"), "i");
        Volume volume = store().create(Optional.of("kept"), Map.of()).volume();
        Files.writeString(volume.mountpoint().resolve("mine"), "m");

        store().fill(volume, image);

        assertThat(volume.mountpoint().resolve("from-image")).doesNotExist();
    }
}
