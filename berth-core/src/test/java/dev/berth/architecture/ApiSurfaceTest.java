package dev.berth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * berth-core is closed: the module exports the façade and the model packages only, and no public member of the
 * façade takes or gives a type of a package it does not export, so a client can compile against every call.
 */
class ApiSurfaceTest {

    private static final Set<String> EXPORTED = Set.of("dev.berth.api", "dev.berth.api.compose", "dev.berth.diagnostic", "dev.berth.error",
            "dev.berth.event", "dev.berth.image");

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.berth");
    }

    @Test
    void theModuleExportsTheApiAndTheModelUnqualified() throws IOException {
        ModuleDescriptor module = coreModule();

        assertThat(module.exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse());
        assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source)).containsExactlyInAnyOrderElementsOf(EXPORTED);
    }

    @Test
    void publicApiMethodsAndConstructorsUseOnlyExportedTypes() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage("dev.berth.api", "dev.berth.api.compose")
                .and().areDeclaredInClassesThat().arePublic()
                .should(new ArchCondition<JavaCodeUnit>("take and give only types of exported packages") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
                        types.add(unit.getReturnType());
                        types.addAll(unit.getExceptionTypes());
                        report(unit.getFullName(), types, events);
                    }
                })
                .check(core);
    }

    @Test
    void publicApiFieldsUseOnlyExportedTypes() {
        fields().that().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage("dev.berth.api", "dev.berth.api.compose")
                .should(new ArchCondition<JavaField>("be of types of exported packages") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        report(field.getFullName(), List.of(field.getType()), events);
                    }
                })
                .check(core);
    }

    private static void report(String member, List<JavaType> types, ConditionEvents events) {
        List<String> hidden = types.stream().flatMap(type -> type.getAllInvolvedRawTypes().stream())
                .map(ApiSurfaceTest::outermost)
                .filter(type -> type.getPackageName().startsWith("dev.berth") && !EXPORTED.contains(type.getPackageName()))
                .map(JavaClass::getName).distinct().toList();
        events.add(new SimpleConditionEvent(member, hidden.isEmpty(), member + " exposes " + hidden));
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        return base.getEnclosingClass().map(ApiSurfaceTest::outermost).orElse(base);
    }

    /** Tests run on the class path, so the descriptor is read from the compiled module-info rather than asked for. */
    private static ModuleDescriptor coreModule() throws IOException {
        List<URL> descriptors = Collections.list(ApiSurfaceTest.class.getClassLoader().getResources("module-info.class"));
        for (URL url : descriptors) {
            try (InputStream in = url.openStream()) {
                ModuleDescriptor module = ModuleDescriptor.read(in);
                if (module.name().equals("dev.berth.core")) {
                    return module;
                }
            }
        }
        throw new AssertionError("no dev.berth.core module-info.class among "
                + descriptors.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
}
