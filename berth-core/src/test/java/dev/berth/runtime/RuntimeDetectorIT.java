package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    @Test
    void keepsAnswersInAFileUntilTheBinaryChanges(@TempDir Path bin) throws Exception {
        Path runc = Files.copy(Path.of("/usr/sbin/runc"), bin.resolve("runc"));
        Map<String, String> path = Map.of("PATH", bin.toString());
        RuntimeProbe probed = probeOf("runc", RuntimeDetector.fromEnvironment(path, state));
        Path cacheFile = state.resolve("runtime-probes.json");
        // Doctor the recorded answer: a detector that reads it, rather than probing, reports the doctored one.
        Files.writeString(cacheFile, Files.readString(cacheFile).replace("\"works\":true", "\"works\":false")
                .replace("\"detail\":\"\"", "\"detail\":\"doctored\""));

        RuntimeProbe cached = probeOf("runc", RuntimeDetector.fromEnvironment(path, state));
        Files.setLastModifiedTime(runc, FileTime.fromMillis(Files.getLastModifiedTime(runc).toMillis() - 60_000));
        RuntimeProbe reprobed = probeOf("runc", RuntimeDetector.fromEnvironment(path, state));

        assertThat(probed.works()).isTrue();
        assertThat(probed.seccomp()).as("runc here is built with libseccomp").isTrue();
        assertThat(cached).isEqualTo(new RuntimeProbe("runc", Optional.of(runc), probed.version(), false, "doctored", true));
        assertThat(reprobed).isEqualTo(probed);
    }

    private static RuntimeProbe probeOf(String name, RuntimeDetector detector) {
        return detector.probes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
