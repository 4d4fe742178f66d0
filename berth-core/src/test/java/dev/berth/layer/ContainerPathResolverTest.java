package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.layer.ContainerPathResolver.OnTooManyLinks;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerPathResolverTest {

    /** An image's links: relative path to target. */
    private static final Map<String, String> LINKS = Map.of(
            "etc", "/private/etc",
            "up", "../../../host",
            "rel", "usr/lib",
            "usr/lib/self", "../lib/self2",
            "usr/lib/self2", "self",
            "bin", "usr/bin");

    private static final ContainerPathResolver.LinkTargets TARGETS = path -> Optional.ofNullable(LINKS.get(path));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/etc/passwd          | private/etc/passwd",
            "etc/../x             | private/x",
            "/up/escape           | host/escape",
            "/../../a/./b//c      | a/b/c",
            "/rel/x               | usr/lib/x",
            "/bin/sh              | usr/bin/sh",
            "/                    | ''",
    })
    void linksAreFollowedInsideTheRootAndDotDotStopsThere(String path, String expected) throws IOException {
        assertThat(String.join("/", ContainerPathResolver.resolve(path, TARGETS, OnTooManyLinks.FAIL)))
                .isEqualTo(expected);
    }

    @Test
    void aLinkLoopFailsAsTheKernelDoes() {
        assertThatThrownBy(() -> ContainerPathResolver.resolve("/usr/lib/self/x", TARGETS, OnTooManyLinks.FAIL))
                .isInstanceOf(IOException.class)
                .hasMessage("too many levels of symbolic links resolving /usr/lib/self/x");
    }

    @Test
    void aLinkLoopCanStopFollowingInstead() throws IOException {
        assertThat(ContainerPathResolver.resolve("/usr/lib/self/x", TARGETS, OnTooManyLinks.STOP_FOLLOWING))
                .containsExactly("usr", "lib", "self", "x");
    }
}
