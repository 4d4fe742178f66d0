package dev.berth.dockerfile.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The small parsers of the practice rules: .hadolint.yaml's ignored list, redaction, RUN splitting. */
class PracticeParsersProperties {

    @Provide
    Arbitrary<List<String>> ids() {
        return Arbitraries.integers().between(3000, 4999).map(number -> "DL" + number).list().ofMaxSize(8);
    }

    @Property
    void theBlockAndFlowFormsOfIgnoredGiveTheSameIds(@ForAll("ids") List<String> ids) {
        String block = "failure-threshold: info\nignored:\n" + ids.stream().map(id -> "  - " + id + "\n")
                .reduce("", String::concat) + "trustedRegistries:\n  - docker.io\n";
        String flow = "ignored: [" + String.join(", ", ids) + "]\noverride:\n  error:\n    - DL3001\n";

        assertThat(HadolintSuppressions.configIgnored(block)).containsExactlyElementsOf(ids);
        assertThat(HadolintSuppressions.configIgnored(flow)).containsExactlyElementsOf(ids);
    }

    @Property
    void redactionKeepsFourCharactersAtMost(@ForAll("secrets") String secret) {
        String shown = SecretValues.redact(secret);

        assertThat(shown).isEqualTo(secret.substring(0, Math.min(4, secret.length())) + "…[redacted "
                + secret.length() + " chars]");
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric().ofMinLength(1)
                .ofMaxLength(64);
    }

    @Property
    void everyCommandOfAnAndListIsFound(@ForAll("words") List<String> commands) {
        String script = String.join(" && \\\n    ", commands.stream().map(word -> word + " --flag arg").toList());

        assertThat(ShellCommands.commands(script).stream().map(List::getFirst).toList())
                .containsExactlyElementsOf(commands);
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).list().ofMinSize(1)
                .ofMaxSize(6);
    }
}
