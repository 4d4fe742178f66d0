package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Output;
import dev.berth.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code --output} is total: any text gives outputs or a diagnostic whose range lies on the text. */
class OutputOptionProperties {

    @Property(tries = 2000)
    void anyOptionParsesOrIsAnInvalidInput(@ForAll("options") String option) {
        try {
            List<Output> outputs = OutputOption.parse(List.of(option), new ByteArrayOutputStream());
            assertThat(outputs).hasSize(1);
        } catch (InvalidInputException invalid) {
            var range = invalid.diagnostics().getFirst().range();
            assertThat(range.startLine()).isEqualTo(1);
            assertThat(range.endColumn()).isBetween(range.startColumn(), option.length() + 1);
        }
    }

    @Provide
    Arbitrary<String> options() {
        Arbitrary<String> pieces = Arbitraries.of("type", "dest", "=", ",", "image", "local", "tar", "docker", "oci",
                "-", "/tmp/x", " ", "name", "\0", "\u00e9", "registry", "");
        Arbitrary<String> built = pieces.list().ofMaxSize(8).map(list -> String.join("", list));
        return Arbitraries.oneOf(built, Arbitraries.strings().ofMaxLength(30));
    }
}
