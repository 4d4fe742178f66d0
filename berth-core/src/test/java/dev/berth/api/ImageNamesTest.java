package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageNamesTest {

    static final String D1 = "@sha256:" + "1".repeat(64);
    static final String D2 = "@sha256:" + "2".repeat(64);
    static final String APP = "127.0.0.1:5000/app";
    static final String BUSYBOX = "docker.io/library/busybox";

    static Stream<Arguments> singleReference() {
        return Stream.of(
                Arguments.of(List.of(), false),
                Arguments.of(List.of(APP + ":1"), true),
                Arguments.of(List.of(APP + D1), true),
                Arguments.of(List.of(APP + ":1", APP + D1, APP + D2), true),
                Arguments.of(List.of(APP + D1, APP + D2), true),
                Arguments.of(List.of(APP + ":1", APP + ":2"), false),
                Arguments.of(List.of(APP + ":1", BUSYBOX + D1), false),
                Arguments.of(List.of(APP + D1, BUSYBOX + D1), false));
    }

    @ParameterizedTest
    @MethodSource
    void singleReference(List<String> names, boolean single) {
        assertThat(new ImageNames(names).isSingleReference()).isEqualTo(single);
    }

    static Stream<Arguments> untaggedBy() {
        return Stream.of(
                // The last tag of a repository takes its digests; another repository's stay.
                Arguments.of(List.of(APP + ":1", APP + D1, BUSYBOX + D2), APP + ":1", List.of(APP + ":1", APP + D1)),
                // Another tag of the repository remains: its digests stay with it.
                Arguments.of(List.of(APP + ":1", APP + ":2", APP + D1), APP + ":1", List.of(APP + ":1")),
                // A digest removes itself only.
                Arguments.of(List.of(APP + ":1", APP + D1, APP + D2), APP + D1, List.of(APP + D1)),
                Arguments.of(List.of(BUSYBOX + ":latest"), BUSYBOX + ":latest", List.of(BUSYBOX + ":latest")));
    }

    @ParameterizedTest
    @MethodSource
    void untaggedBy(List<String> names, String removed, List<String> untagged) {
        assertThat(new ImageNames(names).untaggedBy(removed)).containsExactlyElementsOf(untagged);
    }

    static Stream<Arguments> familiar() {
        return Stream.of(
                Arguments.of(BUSYBOX + ":latest", "busybox:latest"),
                Arguments.of(BUSYBOX + D1, "busybox" + D1),
                Arguments.of(APP + D1, APP + D1),
                Arguments.of("docker.io/user/app:2", "user/app:2"));
    }

    @ParameterizedTest
    @MethodSource
    void familiar(String name, String shown) {
        assertThat(ImageNames.familiar(name)).isEqualTo(shown);
    }

    static Stream<Arguments> repository() {
        return Stream.of(
                Arguments.of(BUSYBOX + ":latest", BUSYBOX),
                Arguments.of(APP + D1, APP),
                Arguments.of("docker.io/library/x:1" + D1, "docker.io/library/x"));
    }

    @ParameterizedTest
    @MethodSource
    void repository(String name, String repository) {
        assertThat(ImageNames.repository(name)).isEqualTo(repository);
    }
}
