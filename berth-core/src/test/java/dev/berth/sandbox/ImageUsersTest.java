package dev.berth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageUsersTest {

    @TempDir
    Path rootfs;

    @BeforeEach
    void writeUsers() throws IOException {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/passwd"), """
                root:x:0:0:root:/root:/bin/sh
                app:x:1000:1000::/home/app:/bin/sh
                # a comment
                nobody:x:65534:65534:nobody:/nonexistent:/bin/false
                """);
        Files.writeString(rootfs.resolve("etc/group"), """
                root:x:0:
                wheel:x:10:app,other
                audio:x:29:app
                app:x:1000:
                nogroup:x:65534:
                """);
    }

    @ParameterizedTest(name = "USER \"{0}\" -> {1}:{2} +[{3}] home {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ''             | 0     | 0     | ''    | /root
            root           | 0     | 0     | ''    | /root
            app            | 1000  | 1000  | 10 29 | /home/app
            1000           | 1000  | 1000  | 10 29 | /home/app
            app:nogroup    | 1000  | 65534 | ''    | /home/app
            app:29         | 1000  | 29    | ''    | /home/app
            4242           | 4242  | 0     | ''    | -
            4242:4343      | 4242  | 4343  | ''    | -
            nobody         | 65534 | 65534 | ''    | /nonexistent
            """)
    void resolvesAsDockerDoes(String spec, long uid, long gid, String groups, String home) {
        ImageUsers users = ImageUsers.resolve(rootfs, spec);

        List<Long> additional = groups.isEmpty() ? List.of() : Arrays.stream(groups.split(" ")).map(Long::parseLong).toList();
        assertThat(users.user().uid()).isEqualTo(uid);
        assertThat(users.user().gid()).isEqualTo(gid);
        assertThat(users.user().additionalGids()).isEqualTo(additional);
        assertThat(users.home()).isEqualTo(java.util.Optional.ofNullable(home));
    }

    @Test
    void unknownNamesAreErrors() {
        assertThatThrownBy(() -> ImageUsers.resolve(rootfs, "ghost")).isInstanceOf(ExecutionException.class)
                .hasMessage("RUN: unable to find user ghost: no matching entries in passwd file");
        assertThatThrownBy(() -> ImageUsers.resolve(rootfs, "app:ghosts")).isInstanceOf(ExecutionException.class)
                .hasMessage("RUN: unable to find group ghosts: no matching entries in group file");
    }

    @Test
    void aPasswdSymlinkedToTheHostIsReadInsideTheRoot() throws IOException {
        Files.delete(rootfs.resolve("etc/passwd"));
        // Followed on the host this would read the host's users; inside the root it names nothing.
        Files.createSymbolicLink(rootfs.resolve("etc/passwd"), Path.of("/etc/passwd"));

        assertThatThrownBy(() -> ImageUsers.resolve(rootfs, "root")).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("too many levels of symbolic links");
    }
}
