package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Docker's {@code -v}, {@code --mount} and {@code --tmpfs} syntaxes, and the texts Docker's CLI gives bad ones. */
class MountFlagsTest {

    static Stream<Arguments> volumeFlags() {
        return Stream.of(
                Arguments.of("/srv/data:/data", new RunMountRequest.Bind(Path.of("/srv/data"), "/data", false, true)),
                Arguments.of("/srv/data:/data:ro", new RunMountRequest.Bind(Path.of("/srv/data"), "/data", true, true)),
                Arguments.of("/srv/data:/data:rw", new RunMountRequest.Bind(Path.of("/srv/data"), "/data", false, true)),
                Arguments.of("cache:/var/cache", new RunMountRequest.Volume(Optional.of("cache"), "/var/cache", false, false)),
                Arguments.of("cache:/var/cache:ro,nocopy", new RunMountRequest.Volume(Optional.of("cache"), "/var/cache", true, true)),
                Arguments.of("/scratch", new RunMountRequest.Volume(Optional.empty(), "/scratch", false, false)));
    }

    @ParameterizedTest
    @MethodSource("volumeFlags")
    void volumeFlagReadsDockersShortSyntax(String spec, RunMountRequest expected) {
        assertThat(MountFlags.volumeFlag(spec)).isEqualTo(expected);
    }

    static Stream<Arguments> badVolumeFlags() {
        return Stream.of(
                Arguments.of("a:/b:ro:x", "invalid spec: a:/b:ro:x: too many colons"),
                Arguments.of("data:rel", "invalid volume specification: 'data:rel': invalid mount path: 'rel' mount path must be absolute"),
                Arguments.of("data:/x:bogus", "invalid mode: bogus"),
                Arguments.of("/a:/", "invalid volume specification: '/a:/': invalid specification: destination can't be '/'"),
                Arguments.of("./rel:/x", "create ./rel: \"./rel\" includes invalid characters for a local volume name, "
                        + "only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path"),
                Arguments.of("a:/x", "create a: volume name is too short, names should be at least two alphanumeric characters"));
    }

    @ParameterizedTest
    @MethodSource("badVolumeFlags")
    void badVolumeFlagsGetDockersTexts(String spec, String message) {
        assertThatThrownBy(() -> MountFlags.volumeFlag(spec)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    static Stream<Arguments> mountFlags() {
        return Stream.of(
                Arguments.of("type=bind,source=/h,target=/c,readonly", new RunMountRequest.Bind(Path.of("/h"), "/c", true, false)),
                Arguments.of("type=bind,src=/h,dst=/c,ro=false", new RunMountRequest.Bind(Path.of("/h"), "/c", false, false)),
                Arguments.of("source=vol,target=/c", new RunMountRequest.Volume(Optional.of("vol"), "/c", false, false)),
                Arguments.of("type=volume,target=/c,volume-nocopy", new RunMountRequest.Volume(Optional.empty(), "/c", false, true)),
                Arguments.of("type=tmpfs,destination=/run,tmpfs-size=64m,tmpfs-mode=1770",
                        new RunMountRequest.Tmpfs("/run", List.of("size=64m", "mode=1770"))),
                Arguments.of("\"type=bind\",\"source=/a,b\",target=/c", new RunMountRequest.Bind(Path.of("/a,b"), "/c", false, false)));
    }

    @ParameterizedTest
    @MethodSource("mountFlags")
    void mountFlagReadsDockersKeyValueSyntax(String spec, RunMountRequest expected) {
        assertThat(MountFlags.mountFlag(spec)).isEqualTo(expected);
    }

    static Stream<Arguments> badMountFlags() {
        return Stream.of(
                Arguments.of("type=bind,source=/h", "target is required"),
                Arguments.of("type=bind,target=/c", "invalid mount config for type \"bind\": field Source must not be empty"),
                Arguments.of("type=tmpfs,source=x,target=/c", "invalid mount config for type \"tmpfs\": field Source must not be specified"),
                Arguments.of("type=nfs,target=/c", "invalid mount config: mount type unknown: \"nfs\""),
                Arguments.of("type=bind,source=/h,target=/c,colour=red", "unexpected key 'colour' in 'colour=red'"),
                Arguments.of("type=bind,source=/h,target=/c,readonly=maybe", "invalid value for readonly: maybe"),
                Arguments.of("type=bind,source=/h,target=/c,bogus", "invalid field 'bogus' must be a key=value pair"));
    }

    @ParameterizedTest
    @MethodSource("badMountFlags")
    void badMountFlagsGetDockersTexts(String spec, String message) {
        assertThatThrownBy(() -> MountFlags.mountFlag(spec)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @MethodSource("tmpfsFlags")
    void tmpfsFlagSplitsItsOptions(String spec, RunMountRequest expected) {
        assertThat(MountFlags.tmpfsFlag(spec)).isEqualTo(expected);
    }

    static Stream<Arguments> tmpfsFlags() {
        return Stream.of(Arguments.of("/tmp", new RunMountRequest.Tmpfs("/tmp", List.of())),
                Arguments.of("/run:rw,size=1m,exec", new RunMountRequest.Tmpfs("/run", List.of("rw", "size=1m", "exec"))));
    }
}
