package dev.berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainIdsTest {

    private static final Digest A = Digest.parse("sha256:" + "a".repeat(64));
    private static final Digest B = Digest.parse("sha256:" + "b".repeat(64));

    @Test
    void theFirstChainIdIsTheDiffIdAndTheNextHashesParentSpaceDiffId() {
        // printf 'sha256:aaa…a sha256:bbb…b' | sha256sum
        Digest expected = Digest.parse("sha256:ccd722928bd92476ba1745586fed6e45a102504185ad88cd89e01ff116fd146c");

        assertThat(ChainIds.of(List.of(A, B))).containsExactly(A, expected);
        assertThat(ChainIds.next(Optional.of(A), B)).isEqualTo(expected);
        assertThat(ChainIds.of(List.of())).isEmpty();
    }
}
