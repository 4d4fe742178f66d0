package dev.berth.compose.print;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.compose.model.ServiceAttributes;
import org.junit.jupiter.api.Test;

/** The printer's service shape and the loader's list of allowed attributes name the same attributes. */
class ConfigShapesTest {

    @Test
    void everyAllowedAttributeHasAPlaceInTheOutput() {
        assertThat(ConfigShapes.SERVICE.fields().keySet()).containsExactlyInAnyOrderElementsOf(ServiceAttributes.NAMES);
    }

    @Test
    void yamlKeysSortAsYamlV3SortsThem() {
        java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("b", "a10", "a9", "B", "_x", "a_b",
                "ab"));
        keys.sort(ShapedEntries::yamlKeyOrder);
        // As Docker Compose 2.26.1 printed these keys of a labels mapping.
        assertThat(keys).containsExactly("_x", "B", "a_b", "a9", "a10", "ab", "b");
    }

    @Test
    void floatsPrintAsGoPrintsThem() {
        assertThat(GoYamlScalars.goFloat("1.50")).isEqualTo("1.5");
        assertThat(GoYamlScalars.goFloat("1e3")).isEqualTo("1000");
        assertThat(GoYamlScalars.goFloat("1e21")).isEqualTo("1e+21");
        assertThat(GoYamlScalars.goFloat("0.00001")).isEqualTo("1e-05");
        assertThat(GoYamlScalars.goFloat("+Inf")).isEqualTo(".inf");
    }
}
