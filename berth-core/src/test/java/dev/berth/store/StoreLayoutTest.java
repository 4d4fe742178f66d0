package dev.berth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreLayoutTest {

    @ParameterizedTest(name = "--root={0} BERTH_ROOT={1} XDG_DATA_HOME={2} HOME={3} uid={4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # --root  | BERTH_ROOT | XDG_DATA_HOME | HOME       | uid  | root
            /explicit | /env       | /xdg          | /home/ann  | 1000 | /explicit
            /explicit | /env       | /xdg          | /home/ann  | 0    | /explicit
            -         | /env       | /xdg          | /home/ann  | 1000 | /env
            -         | /env       | -             | -          | 0    | /env
            -         | -          | /xdg          | /home/ann  | 0    | /var/lib/berth
            -         | -          | /xdg          | /home/ann  | 1000 | /xdg/berth
            -         | -          | -             | /home/ann  | 1000 | /home/ann/.local/share/berth
            -         | -          | relative/xdg  | /home/ann  | 1000 | /home/ann/.local/share/berth
            -         | ''         | ''            | /home/ann  | 1000 | /home/ann/.local/share/berth
            /a/../b   | -          | -             | -          | 1000 | /b
            """)
    void chooses(String explicit, String berthRoot, String xdgDataHome, String home, long uid, String expected) {
        Map<String, String> environment = new HashMap<>();
        put(environment, "BERTH_ROOT", berthRoot);
        put(environment, "XDG_DATA_HOME", xdgDataHome);
        put(environment, "HOME", home);

        StoreLayout layout = StoreLayout.resolve(Optional.ofNullable(explicit).map(Path::of), environment, uid);

        assertThat(layout.root()).isEqualTo(Path.of(expected));
    }

    @Test
    void noHomeForAnOrdinaryUserIsAnError() {
        assertThatThrownBy(() -> StoreLayout.resolve(Optional.empty(), Map.of(), 1000))
                .isInstanceOf(StoreException.class)
                .hasMessage("choosing a store root: none of --root, BERTH_ROOT, XDG_DATA_HOME or HOME is set");
    }

    @Test
    void blobPathIsOciLayoutPath() {
        Digest digest = ContentStoreConformance.HELLO;
        assertThat(new StoreLayout(Path.of("/s")).blob(digest)).isEqualTo(Path.of("/s/blobs/sha256/" + digest.hex()));
    }

    private static void put(Map<String, String> environment, String name, String value) {
        if (value != null) {
            environment.put(name, value);
        }
    }
}
