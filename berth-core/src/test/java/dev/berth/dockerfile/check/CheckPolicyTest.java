package dev.berth.dockerfile.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.syntax.Directive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check directive: which rule's warnings survive, and as what. */
class CheckPolicyTest {

    @ParameterizedTest(name = "[{index}] {0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                       | StageNameCasing | WARNING
            skip=StageNameCasing                     | StageNameCasing | dropped
            skip=stagenamecasing                     | StageNameCasing | dropped
            skip=FromAsCasing, StageNameCasing       | StageNameCasing | dropped
            skip=FromAsCasing                        | StageNameCasing | WARNING
            skip=all                                 | UndefinedVar    | dropped
            error=true                               | UndefinedVar    | ERROR
            skip=UndefinedVar;error=true             | UndefinedVar    | dropped
            skip=UndefinedVar;error=true             | FromAsCasing    | ERROR
            error=false;bogus=1;noequals             | FromAsCasing    | WARNING
            """)
    void appliesSkipAndError(String directive, String rule, String outcome) {
        CheckPolicy policy = CheckPolicy.from(List.of(new Directive("check", directive, 1)), Optional.empty());
        Rule applied = java.util.Arrays.stream(Rule.values()).filter(r -> r.checkName().equals(rule)).findFirst()
                .orElseThrow();

        Optional<Diagnostic> result = policy.apply(Finding.warning(applied,
                Diagnostic.warning("Dockerfile", SourceRange.line(2), rule + ": x"))).map(Finding::diagnostic);

        assertThat(result.map(Diagnostic::severity).map(Severity::name).orElse("dropped")).isEqualTo(outcome);
    }
}
