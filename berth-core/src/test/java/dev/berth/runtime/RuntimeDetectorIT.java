package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes the runtimes installed here by running a container with each. */
class RuntimeDetectorIT {

    @TempDir
    Path state;

    @Test
    void runcIsFoundAndWorks() {
        var detector = RuntimeDetector.fromEnvironment(System.getenv(), state);

        RuntimeProbe runc = detector.probes().stream().filter(p -> p.name().equals("runc")).findFirst().orElseThrow();
        System.out.println("berth info would say:\n" + detector.description());

        assertThat(runc.works()).as(runc.describe()).isTrue();
        assertThat(runc.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(detector.choose("runc").description()).startsWith("runc " + runc.version() + " (");
    }

    @Test
    void choosesTheFirstRuntimeThatWorksAndSaysWhyOthersDoNot() {
        var detector = RuntimeDetector.fromEnvironment(System.getenv(), state);

        List<RuntimeProbe> probes = detector.probes();
        String expected = probes.stream().filter(RuntimeProbe::works).findFirst().orElseThrow().name();

        assertThat(detector.choose().name()).isEqualTo(expected);
        assertThat(probes).extracting(RuntimeProbe::name).containsExactly("crun", "runc");
        // crun 1.8 on a hybrid-cgroup host (this project's machines) fails, and the probe quotes crun's reason.
        probes.stream().filter(p -> p.executable().isPresent() && !p.works())
                .forEach(p -> assertThat(p.detail()).startsWith("running container berth-probe-"));
    }

    @Test
    void aRuntimeMissingFromPathIsReportedNotFound() {
        var detector = RuntimeDetector.fromEnvironment(Map.of("PATH", state.toString()), state);

        assertThat(detector.description()).isEqualTo("crun: not found on PATH\nrunc: not found on PATH");
    }

    @Test
    void probesOnlyOnce() {
        var detector = RuntimeDetector.fromEnvironment(System.getenv(), state);

        assertThat(detector.probes()).isSameAs(detector.probes());
    }
}
