package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.testing.TarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVE-2021-29136: umoci let a layer whose {@code .} or {@code /} entry is a symlink replace the root
 * with a link outside and then write through it. An entry for the root may only be a directory.
 */
class Cve202129136Test {

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            .   | the root itself can only be a directory
            ./  | the root itself can only be a directory
            ./. | the root itself can only be a directory
            /   | absolute path
            //  | absolute path
            """)
    void rootEntryThatIsASymlinkIsRefused(String name, String reason) {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder()
                .symlink(name, box.outside.toString())
                .file("secret", "owned")
                .build();

        assertThatThrownBy(() -> box.extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessage("layer sha256:test: entry " + name + ": " + reason);
        box.assertOutsideUntouched();
        assertThat(Files.isDirectory(box.root)).isTrue();
        assertThat(Files.isSymbolicLink(box.root)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "./."})
    void rootEntryThatIsAFileIsRefused(String name) {
        Sandbox box = new Sandbox(temp);
        byte[] layer = new TarBuilder().file(name, "x").build();

        assertThatThrownBy(() -> box.extract(layer))
                .isInstanceOf(StoreException.class)
                .hasMessageEndingWith(": the root itself can only be a directory");
        box.assertOutsideUntouched();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "./"})
    void rootEntryThatIsADirectoryIsAccepted(String name) {
        Sandbox box = new Sandbox(temp);

        ExtractResult result = box.extract(new TarBuilder().dir(name).file("a", "b").build());

        assertThat(result.entries()).isEqualTo(2);
        assertThat(box.root.resolve("a")).hasContent("b");
    }
}
