package dev.berth.compose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The Compose Specification's interpolation, as properties over any text, names and values. */
class InterpolationPropertiesTest {

    private static String expand(String text, Map<String, String> variables) throws Interpolation.Failure {
        return new Interpolation(name -> Optional.ofNullable(variables.get(name)), new ArrayList<>()).expand(text);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcXYZ_").ofMinLength(1).ofMaxLength(6)
                .flatMap(head -> Arbitraries.strings().withChars("abc019_").ofMaxLength(4).map(tail -> head + tail));
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withChars("ab :-?+{}/.=\"'").ofMaxLength(12).filter(s -> !s.contains("}"));
    }

    @Property
    void textWithoutDollarsIsUnchanged(@ForAll String text) throws Exception {
        String withoutDollars = text.replace("$", "");
        assertThat(expand(withoutDollars, Map.of())).isEqualTo(withoutDollars);
    }

    @Property
    void doubledDollarsReadBackAsTheText(@ForAll String text) throws Exception {
        assertThat(expand(text.replace("$", "$$"), Map.of("A", "x"))).isEqualTo(text);
    }

    @Property
    void aSetVariableIsItsValue(@ForAll("names") String name, @ForAll("plain") String value) throws Exception {
        Map<String, String> variables = Map.of(name, value);
        assertThat(expand("${" + name + "}", variables)).isEqualTo(value);
        assertThat(expand("<$" + name + ">", variables)).isEqualTo("<" + value + ">");
    }

    @Property
    void defaultsApplyByTheirRule(@ForAll("names") String name, @ForAll("plain") String fallback,
                                  @ForAll("plain") String value) throws Exception {
        Map<String, String> unset = Map.of();
        Map<String, String> empty = Map.of(name, "");
        Map<String, String> set = Map.of(name, value.isEmpty() ? "v" : value);
        String actual = set.get(name);
        assertThat(expand("${" + name + ":-" + fallback + "}", unset)).isEqualTo(fallback);
        assertThat(expand("${" + name + ":-" + fallback + "}", empty)).isEqualTo(fallback);
        assertThat(expand("${" + name + ":-" + fallback + "}", set)).isEqualTo(actual);
        assertThat(expand("${" + name + "-" + fallback + "}", unset)).isEqualTo(fallback);
        assertThat(expand("${" + name + "-" + fallback + "}", empty)).isEmpty();
        assertThat(expand("${" + name + ":+" + fallback + "}", set)).isEqualTo(fallback);
        assertThat(expand("${" + name + ":+" + fallback + "}", empty)).isEmpty();
        assertThat(expand("${" + name + "+" + fallback + "}", empty)).isEqualTo(fallback);
        assertThat(expand("${" + name + "+" + fallback + "}", unset)).isEmpty();
    }

    @Property
    void defaultsNest(@ForAll("names") String outer, @ForAll("names") String inner, @ForAll("plain") String value)
            throws Exception {
        String unsetOuter = outer + "_unset";
        assertThat(expand("${" + unsetOuter + ":-${" + inner + ":-" + value + "}}", Map.of())).isEqualTo(value);
        assertThat(expand("${" + unsetOuter + ":-[${" + inner + "}]}", Map.of(inner, "in"))).isEqualTo("[in]");
    }

    @Property
    void requiredVariablesFailWithTheirMessage(@ForAll("names") String name) {
        assertThatThrownBy(() -> expand("${" + name + ":?is needed}", Map.of(name, "")))
                .isInstanceOf(Interpolation.Failure.class)
                .hasMessage("required variable " + name + " is missing a value: is needed");
        assertThatThrownBy(() -> expand("${" + name + "?gone}", Map.of()))
                .hasMessage("required variable " + name + " is missing a value: gone");
    }

    @Test
    void unsetVariablesAreEmptyAndReported() throws Exception {
        List<String> unset = new ArrayList<>();
        String result = new Interpolation(name -> Optional.empty(), unset).expand("a${X}b$Y");
        assertThat(result).isEqualTo("ab");
        assertThat(unset).containsExactly("X", "Y");
    }

    @Test
    void malformedTemplatesFail() {
        for (String bad : List.of("$", "${", "${}", "${1A}", "${A:}", "${A!x}", "a $ b", "${A")) {
            assertThatThrownBy(() -> expand(bad, Map.of("A", "1"))).as(bad)
                    .isInstanceOf(Interpolation.Failure.class).hasMessageContaining("invalid interpolation format");
        }
    }
}
