package dev.berth.container.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.container.copy.CopyPlacement.Destination;
import dev.berth.error.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Docker's {@code cp} path rules, one row per case of its documentation. */
class CopyPlacementTest {

    static Stream<Arguments> placements() {
        return Stream.of(
                // source, is a directory, destination, what is there, into the destination, top name
                Arguments.of("/etc/hostname", false, "/tmp/new", Destination.MISSING, false, "new"),
                Arguments.of("/etc/hostname", false, "/tmp/file", Destination.OTHER, false, "file"),
                Arguments.of("/etc/hostname", false, "/tmp", Destination.DIRECTORY, true, "hostname"),
                Arguments.of("/etc/hostname", false, "/tmp/", Destination.DIRECTORY, true, "hostname"),
                Arguments.of("/etc", true, "/tmp/new", Destination.MISSING, false, "new"),
                Arguments.of("/etc", true, "/tmp/new/", Destination.MISSING, false, "new"),
                Arguments.of("/etc", true, "/tmp", Destination.DIRECTORY, true, "etc"),
                Arguments.of("/etc/", true, "/tmp", Destination.DIRECTORY, true, "etc"),
                Arguments.of("/etc/.", true, "/tmp", Destination.DIRECTORY, true, ""),
                Arguments.of("/etc/.", true, "/tmp/new", Destination.MISSING, false, "new"),
                Arguments.of("/", true, "/tmp", Destination.DIRECTORY, true, "."),
                Arguments.of("etc", true, "tmp", Destination.DIRECTORY, true, "etc"));
    }

    @ParameterizedTest(name = "{0} ({1}) to {2} ({3})")
    @MethodSource("placements")
    void placesTheCopyAsDocker(String source, boolean directory, String destination, Destination found, boolean into,
            String top) {
        CopyPath target = CopyPath.parse(destination);
        assertThat(CopyPlacement.of(CopyPath.parse(source), directory, target, found, target.base()))
                .isEqualTo(new CopyPlacement(into, top));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("/etc", true, "/tmp/file", Destination.OTHER, "cannot copy directory"),
                Arguments.of("/etc/hostname", false, "/tmp/new/", Destination.MISSING, "no such directory"),
                Arguments.of("/etc/hostname", false, "/tmp/file/", Destination.OTHER, "not a directory"));
    }

    @ParameterizedTest(name = "{0} ({1}) to {2} ({3}): {4}")
    @MethodSource("refusals")
    void refusesWithDockersMessage(String source, boolean directory, String destination, Destination found,
            String message) {
        CopyPath target = CopyPath.parse(destination);
        assertThatThrownBy(() -> CopyPlacement.of(CopyPath.parse(source), directory, target, found, target.base()))
                .isInstanceOf(ExecutionException.class).hasMessage(message);
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("/", ".", true, false),
                Arguments.of("", ".", true, false),
                Arguments.of("tmp/foo", "tmp/foo", false, false),
                Arguments.of("/tmp/foo/", "tmp/foo", true, false),
                Arguments.of("/tmp/foo/.", "tmp/foo", true, true),
                Arguments.of("/../../etc//passwd", "etc/passwd", false, false),
                Arguments.of("/a/b/../c", "a/c", false, false));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("paths")
    void readsAPathAsDocker(String given, String relative, boolean directory, boolean contents) {
        CopyPath path = CopyPath.parse(given);
        assertThat(path.relative()).isEqualTo(relative);
        assertThat(path.directory()).isEqualTo(directory);
        assertThat(path.contents()).isEqualTo(contents);
    }
}
