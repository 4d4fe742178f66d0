package dev.berth.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CLI parses arguments and renders: it reaches berth-core only through the façade ({@code api}) and the model
 * packages a client needs ({@code image}, {@code diagnostic}, {@code error}, {@code event}), never the store, the
 * engine or the sandbox, so that compose and the Maven plugin can do whatever it does.
 */
class CliRulesTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.berth.cli");

    @Test
    void theCliUsesOnlyTheApiAndTheModel() {
        classes().that().resideInAPackage("dev.berth.cli..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.berth.cli..", "dev.berth.api..",
                        "dev.berth.image..", "dev.berth.diagnostic..", "dev.berth.error..", "dev.berth.event..",
                        "java..", "picocli..", "com.fasterxml.jackson..",
                        // The JDK's process CPU time in nanoseconds, for BERTH_TRACE_TIMING (module jdk.management).
                        "com.sun.management..", "")
                .check(CLI);
    }

    @Test
    void noStaticObjectMapper() {
        // As in berth-core: a static mapper is shared mutable state.
        noFields().that().areStatic().should().haveRawType(com.fasterxml.jackson.databind.ObjectMapper.class)
                .because("no static mutable state").check(CLI);
    }
}
