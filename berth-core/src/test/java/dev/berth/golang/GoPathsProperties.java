package dev.berth.golang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What {@code path.Clean} promises, over paths made of the characters that make cleaning interesting. */
class GoPathsProperties {

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars("/.a").ofMaxLength(16);
    }

    @Property(tries = 1000)
    void cleaningIsIdempotent(@ForAll("paths") String path) {
        String clean = GoPaths.clean(path);
        assertThat(GoPaths.clean(clean)).isEqualTo(clean);
    }

    @Property(tries = 1000)
    void anAbsolutePathStaysBelowTheRoot(@ForAll("paths") String path) {
        String clean = GoPaths.clean("/" + path);
        assertThat(clean).startsWith("/");
        assertThat(clean.split("/")).doesNotContain("..");
    }

    @Property(tries = 1000)
    void theResultHasNoEmptyOrDotElements(@ForAll("paths") String path) {
        String clean = GoPaths.clean(path);
        if (!clean.equals(".") && !clean.equals("/")) {
            String relative = clean.startsWith("/") ? clean.substring(1) : clean;
            assertThat(Arrays.asList(relative.split("/", -1))).doesNotContain("", ".");
        }
    }
}
