package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A temp directory holding {@code root/} (the extraction target) and a sibling {@code outside/} with a
 * file and a directory the attacks aim at, plus a snapshot of {@code outside} to prove it untouched.
 */
final class Sandbox {

    final Path base;
    final Path root;
    final Path outside;
    private final Map<String, String> before;

    Sandbox(Path temp) {
        try {
            base = temp;
            root = Files.createDirectory(temp.resolve("root"));
            outside = Files.createDirectory(temp.resolve("outside"));
            Files.writeString(outside.resolve("secret"), "do not touch");
            Files.setPosixFilePermissions(outside.resolve("secret"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.createDirectory(outside.resolve("dir"));
            before = snapshot(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ExtractResult extract(byte[] layer, ExtractOptions options) {
        return new LayerExtractor(options).extract("sha256:test", new ByteArrayInputStream(layer), root);
    }

    ExtractResult extract(byte[] layer) {
        return extract(layer, ExtractOptions.defaults(true));
    }

    /** Asserts that nothing beside {@code root} changed: same paths, contents, modes, owners. */
    void assertOutsideUntouched() {
        assertThat(snapshot(base)).isEqualTo(before);
    }

    /** Every path under {@code base} except those inside {@code root}, with type, mode, owner and content. */
    private Map<String, String> snapshot(Path dir) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.toList()) {
                if (path.startsWith(root) && !path.equals(root)) {
                    continue;
                }
                Map<String, Object> stat = Files.readAttributes(path, "unix:mode,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
                String content = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                        ? Files.readString(path, StandardCharsets.UTF_8) : "";
                result.put(dir.relativize(path).toString(), stat.get("mode") + " " + stat.get("uid") + ":" + stat.get("gid")
                        + " " + (path.equals(root) ? "" : stat.get("size")) + " " + content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
