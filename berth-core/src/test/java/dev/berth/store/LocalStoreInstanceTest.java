package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One LocalStore per root per process: a second open fails at once instead of racing on locks later. */
class LocalStoreInstanceTest {

    @TempDir
    Path temp;

    @Test
    void aSecondOpenOfTheSameRootIsRefusedUntilTheFirstIsClosed() {
        Path root = temp.resolve("store");
        try (LocalStore first = LocalStore.open(new StoreLayout(root))) {
            assertThatThrownBy(() -> LocalStore.open(new StoreLayout(root)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("store " + root + " is already open in this process: share that LocalStore"
                            + " (one per root per process)");
            assertThat(first.images().list()).isEmpty();
        }
        try (LocalStore again = LocalStore.open(new StoreLayout(root))) {
            assertThat(again.paths().root()).isEqualTo(root);
        }
    }

    @Test
    void anotherPathToTheSameRootIsTheSameRoot() throws IOException {
        Path root = temp.resolve("store");
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), Files.createDirectory(root));
        try (LocalStore first = LocalStore.open(new StoreLayout(root))) {
            assertThatThrownBy(() -> LocalStore.open(new StoreLayout(alias))).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void differentRootsOpenSideBySide() {
        try (LocalStore one = LocalStore.open(new StoreLayout(temp.resolve("one")));
             LocalStore two = LocalStore.open(new StoreLayout(temp.resolve("two")))) {
            assertThat(one.paths().root()).isNotEqualTo(two.paths().root());
        }
    }
}
