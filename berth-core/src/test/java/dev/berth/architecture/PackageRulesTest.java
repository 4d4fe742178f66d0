package dev.berth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code docs/architecture.md}, held on berth-core's compiled classes: the build path reads
 * one way (Dockerfile text, syntax tree, instructions, typed plan, engine, layers and store), running a process
 * does not depend on the build engine, and no package reaches back up. A new back-edge fails here with the class
 * and the dependency that made it.
 */
class PackageRulesTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.berth");
    }

    @Test
    void theEngineSeesThePlanNeverTheDockerfile() {
        noClasses().that().resideInAPackage("dev.berth.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.berth.dockerfile..")
                .because("plan.Step is the only contract between the Dockerfile and the engine")
                .check(core);
    }

    @Test
    void runningAProcessDoesNotDependOnTheBuild() {
        noClasses().that().resideInAnyPackage("dev.berth.sandbox..", "dev.berth.container..", "dev.berth.runtime..",
                        "dev.berth.network..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.engine..", "dev.berth.plan..",
                        "dev.berth.dockerfile..", "dev.berth.api..")
                .because("RUN steps, berth run and compose share one sandbox below the engine")
                .check(core);
    }

    @Test
    void thePlanDoesNotKnowHowItIsRun() {
        noClasses().that().resideInAPackage("dev.berth.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.engine..", "dev.berth.api..",
                        "dev.berth.sandbox..", "dev.berth.runtime..", "dev.berth.snapshot..", "dev.berth.container..")
                .check(core);
    }

    @Test
    void theDockerfilePackagesStandAlone() {
        noClasses().that().resideInAPackage("dev.berth.dockerfile..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.plan..", "dev.berth.engine..",
                        "dev.berth.api..", "dev.berth.store..", "dev.berth.layer..", "dev.berth.snapshot..",
                        "dev.berth.sandbox..", "dev.berth.runtime..", "dev.berth.container..")
                .check(core);
    }

    @Test
    void storageAndModelPackagesReachNothingAboveThem() {
        noClasses().that().resideInAnyPackage("dev.berth.store..", "dev.berth.layer..", "dev.berth.snapshot..",
                        "dev.berth.image..", "dev.berth.io..", "dev.berth.error..", "dev.berth.diagnostic..",
                        "dev.berth.event..", "dev.berth.context..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.api..", "dev.berth.engine..",
                        "dev.berth.plan..", "dev.berth.sandbox..", "dev.berth.container..", "dev.berth.runtime..",
                        "dev.berth.recovery..")
                .check(core);
    }

    @Test
    void recoverySweepsBelowTheBuild() {
        // The sweeper deletes what killed processes left: runtime containers, snapshots, store temp files.
        noClasses().that().resideInAPackage("dev.berth.recovery..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.api..", "dev.berth.engine..",
                        "dev.berth.plan..", "dev.berth.container..", "dev.berth.dockerfile..")
                .check(core);
    }

    @Test
    void theGoLibraryReproductionsStandAlone() {
        classes().that().resideInAPackage("dev.berth.golang..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.berth.golang..", "java..")
                .because("Go's standard library knows nothing of Berth; every package may use it")
                .check(core);
    }

    @Test
    void onlyClientsUseTheFacade() {
        noClasses().that().resideOutsideOfPackage("dev.berth.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.berth.api..")
                .because("api.Berth is the top of berth-core: the CLI, compose and the Maven plugin call it")
                .check(core);
    }

    @Test
    void networksKnowNothingOfImagesOrContainers() {
        // netavark's driver, the network records and namespaces: container and compose attach to it, not it to them.
        noClasses().that().resideInAPackage("dev.berth.network..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.container..", "dev.berth.sandbox..",
                        "dev.berth.snapshot..", "dev.berth.layer..", "dev.berth.image..")
                .check(core);
    }

    @Test
    void sbomAndScanReadTheStoreNotTheBuild() {
        // They read stored layers offline; the façade calls them, never the other way, and no build or container.
        noClasses().that().resideInAnyPackage("dev.berth.sbom..", "dev.berth.scan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.engine..", "dev.berth.plan..",
                        "dev.berth.api..", "dev.berth.cli..", "dev.berth.container..", "dev.berth.sandbox..")
                .check(core);
    }

    @Test
    void registriesKnowNothingOfBuildsOrTheFacade() {
        // The distribution client moves blobs between a registry and the store; builds reach it through api.
        noClasses().that().resideInAPackage("dev.berth.registry..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.engine..", "dev.berth.plan..",
                        "dev.berth.api..", "dev.berth.cli..", "dev.berth.dockerfile..", "dev.berth.container..",
                        "dev.berth.sandbox..")
                .because("registry sits below the engine and the API, beside the store")
                .check(core);
    }

    @Test
    void composeReadsFilesOnly() {
        // The Compose model is loaded and printed without the engine, the plan, the store or a runtime: api drives
        // those for up and down, from the model compose gives it.
        noClasses().that().resideInAPackage("dev.berth.compose..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.berth.engine..", "dev.berth.plan..",
                        "dev.berth.cli..", "dev.berth.api..", "dev.berth.store..", "dev.berth.sandbox..",
                        "dev.berth.container..", "dev.berth.runtime..", "dev.berth.dockerfile..")
                .check(core);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.berth.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    void noClassNameIsUsedTwice() {
        Map<String, Set<String>> packagesByName = new TreeMap<>();
        for (JavaClass type : core) {
            if (type.isTopLevelClass() && !type.getSimpleName().equals("package-info")) {
                packagesByName.computeIfAbsent(type.getSimpleName(), name -> new TreeSet<>()).add(type.getPackageName());
            }
        }
        Map<String, Set<String>> twice = packagesByName.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(twice).as("class names used in more than one package").isEmpty();
    }

    @Test
    void noStaticObjectMapper() {
        // A mapper can be reconfigured by anyone who holds it: static ones are shared mutable state. Instances, or
        // the immutable ObjectReader/ObjectWriter and Jackson's node factory, instead.
        noFields().that().areStatic().should().haveRawType(com.fasterxml.jackson.databind.ObjectMapper.class)
                .because("no static mutable state").check(core);
    }
}
