package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.engine.copy.Ownership;
import dev.berth.engine.copy.StagePaths;
import dev.berth.engine.rootfs.RootfsAttributes;
import dev.berth.error.InvalidInputException;
import dev.berth.image.LayerRef;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerStorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where WORKDIR, COPY and ADD put directories in a stage that already has some, as BuildKit does: existing
 * directories keep their owner and mode, paths go through the image's symlinks, only missing directories are
 * made (by USER for WORKDIR, by {@code --chown} for COPY). The base looks like Debian's where it matters.
 */
class StagePlacementTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path directory;

    private BuildFixture fixture;

    @BeforeEach
    void base() throws IOException {
        fixture = new BuildFixture(directory);
        fixture.file("a.txt", "A").file("conf/x.conf", "C");
        for (String file : List.of("a.txt", "conf/x.conf")) {
            java.nio.file.Files.setPosixFilePermissions(fixture.context.resolve(file),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        java.nio.file.Files.setPosixFilePermissions(fixture.context.resolve("conf"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwx---"));
        fixture.baseImage("debianish", List.of(
                LayerEntry.symlink("bin", "usr/bin", T),
                LayerEntry.directory("etc", 0755, T),
                LayerEntry.file("etc/passwd", 0644, T,
                        "root:x:0:0:root:/root:/bin/sh\nsvc:x:2001:2002::/home/svc:/bin/sh\n".getBytes(StandardCharsets.UTF_8)),
                LayerEntry.directory("home", 0755, T),
                LayerEntry.directory("home/svc", 0700, T).withOwner(2001, 2002),
                LayerEntry.directory("home/svc/work", 0750, T).withOwner(2001, 2002),
                LayerEntry.directory("opt", 0755, T),
                LayerEntry.file("opt/file", 0644, T, new byte[0]),
                LayerEntry.directory("run", 0755, T),
                LayerEntry.directory("srv", 0750, T).withXattrs(Map.of("user.origin", "base")),
                LayerEntry.directory("tmp", 01777, T),
                LayerEntry.directory("usr", 0755, T),
                LayerEntry.directory("usr/bin", 0755, T),
                LayerEntry.directory("usr/local", 0755, T),
                LayerEntry.directory("usr/local/bin", 0755, T),
                LayerEntry.directory("var", 0755, T),
                LayerEntry.symlink("var/run", "/run", T)), config -> config);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Regression: WORKDIR on an existing directory made it root:root 0755, so USER svc could not write in it. */
    @Test
    void workdirOnAnExistingDirectoryLeavesItAsItIs() throws IOException {
        var result = fixture.build("FROM debianish\nUSER svc\nWORKDIR /home/svc/work\n");

        // BuildKit's empty layer for a WORKDIR that changes nothing (docker/buildx#1910).
        assertThat(fixture.manifest(result).layers()).hasSize(2);
        assertThat(fixture.lastLayer(result)).isEmpty();
        assertThat(fixture.config(result).config().workingDir()).isEqualTo("/home/svc/work");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            USER svc;WORKDIR /home/svc/work/logs   | home dir 755 0:0;home/svc dir 700 2001:2002;home/svc/work dir 750 2001:2002;home/svc/work/logs dir 755 2001:2002
            USER 3000:4000;WORKDIR /data/app       | data dir 755 3000:4000;data/app dir 755 3000:4000
            WORKDIR /var/run/app                   | run dir 755 0:0;run/app dir 755 0:0
            COPY a.txt /tmp/a.txt                  | tmp dir 1777 0:0;tmp/a.txt file 644 0:0 A
            COPY a.txt /bin/tool                   | usr dir 755 0:0;usr/bin dir 755 0:0;usr/bin/tool file 644 0:0 A
            COPY a.txt /var/run/app/              | run dir 755 0:0;run/app dir 755 0:0;run/app/a.txt file 644 0:0 A
            COPY --chown=svc a.txt /opt/new/x      | opt dir 755 0:0;opt/new dir 755 2001:2002;opt/new/x file 644 2001:2002 A
            COPY --chown=svc a.txt /home/svc/work/ | home dir 755 0:0;home/svc dir 700 2001:2002;home/svc/work dir 750 2001:2002;home/svc/work/a.txt file 644 2001:2002 A
            COPY conf/ /bin/                       | usr dir 755 0:0;usr/bin dir 755 0:0;usr/bin/x.conf file 644 0:0 C
            COPY conf/ /tmp/                       | tmp dir 1777 0:0;tmp/x.conf file 644 0:0 C
            COPY conf /tmp                         | tmp dir 1777 0:0;tmp/x.conf file 644 0:0 C
            COPY a.txt /usr/local/bin              | usr dir 755 0:0;usr/local dir 755 0:0;usr/local/bin dir 755 0:0;usr/local/bin/a.txt file 644 0:0 A
            COPY <<EOF /tmp;H;EOF                  | tmp dir 1777 0:0;tmp/EOF file 644 0:0 H\\n
            """)
    void existingDirectoriesKeepTheirOwnerAndModeAndSymlinksAreFollowed(String steps, String expected)
            throws IOException {
        var result = fixture.build("FROM debianish\n" + steps.replace(';', '\n') + "\n");

        assertThat(String.join(";", fixture.lastLayer(result))).isEqualTo(expected.strip().replace("\\n", "\n"));
    }

    @Test
    void workdirThroughAFileIsADiagnosticNamingThePath() {
        assertThatThrownBy(() -> fixture.build("FROM debianish\nWORKDIR /opt/file/sub\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Dockerfile:2")
                .hasMessageContaining("/opt/file exists in the image and is not a directory");
    }

    @Test
    void aNewDirectoryUnderAnExistingOneKeepsTheParentsExtendedAttributes() {
        StagePaths paths = new StagePaths(treeOf(LayerEntry.directory("srv", 0750, T)
                .withXattrs(Map.of("user.origin", "base"))));

        StagePaths.DirectoryChain chain = paths.directories(List.of("srv", "app"), new Ownership(5, 6), T, "WORKDIR");

        assertThat(chain.madeAny()).isTrue();
        assertThat(chain.entries().getFirst().xattrs()).containsEntry("user.origin", "base");
        assertThat(chain.entries().getFirst().mode()).isEqualTo(0750);
        assertThat(chain.entries().getLast().uid()).isEqualTo(5);
    }

    private RootfsAttributes treeOf(LayerEntry... entries) {
        LayerRef layer = new LayerStorer(fixture.store.content(), java.util.Optional.empty()).store(List.of(entries));
        return RootfsAttributes.read(fixture.store.content(), List.of(layer));
    }
}
