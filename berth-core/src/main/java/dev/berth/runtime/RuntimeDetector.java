package dev.berth.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.berth.error.BerthException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.io.SearchPath;

/**
 * Finds the OCI runtimes on PATH and checks that each really works on this host by running a trivial container
 * with it: being installed is not enough (crun 1.8 refuses hosts with hybrid cgroups). Prefers crun, which starts
 * faster, then runc. Probing happens once per detector, and the answers are kept in a file beside the runtimes'
 * state, valid while the binaries and the kernel stay the same.
 */
public final class RuntimeDetector {

    /** The runtimes Berth drives, best first. */
    public static final List<String> PREFERENCE = List.of("crun", "runc");

    private final SearchPath searchPath;
    private final Path stateBase;
    private final Path scratch;
    private final ProbeCache cache;
    private List<RuntimeProbe> probes;

    /**
     * @param searchPath directories to look for runtimes in, in order
     * @param stateBase  each runtime keeps its state in {@code stateBase/NAME}
     * @param scratch    where probe bundles are made and removed
     */
    public RuntimeDetector(SearchPath searchPath, Path stateBase, Path scratch) {
        this.searchPath = searchPath;
        this.stateBase = stateBase;
        this.scratch = scratch;
        this.cache = new ProbeCache(stateBase.resolve("runtime-probes.json"));
    }

    /** A detector searching {@code PATH} from {@code environment}, probing under the JVM's temporary directory. */
    public static RuntimeDetector fromEnvironment(Map<String, String> environment, Path stateBase) {
        return new RuntimeDetector(SearchPath.of(environment), stateBase,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** What was found about each runtime of {@link #PREFERENCE}, probing on first call. */
    public synchronized List<RuntimeProbe> probes() {
        if (probes == null) {
            probes = PREFERENCE.stream().map(this::probe).toList();
            cache.store(probes);
        }
        return probes;
    }

    /**
     * The best runtime that works here.
     *
     * @throws UnsupportedFeatureException naming what was tried, if none works
     */
    public OciRuntime choose() {
        return probes().stream().filter(RuntimeProbe::works).findFirst().map(this::runtimeFor)
                .orElseThrow(() -> new UnsupportedFeatureException(
                        "no working OCI runtime: install runc or crun (" + description().replace('\n', ';') + ")"));
    }

    /**
     * The named runtime, if it works here.
     *
     * @throws UnsupportedFeatureException if it is unknown, missing or broken
     */
    public OciRuntime choose(String name) {
        RuntimeProbe probe = probes().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnsupportedFeatureException("unknown OCI runtime " + name + "; Berth drives " + PREFERENCE));
        if (!probe.works()) {
            throw new UnsupportedFeatureException("OCI runtime " + probe.describe());
        }
        return runtimeFor(probe);
    }

    /**
     * {@code builtin default} when the runtime {@link #choose()} gives applies seccomp filters, so Berth's
     * containers get {@link DefaultSeccompProfile}; {@code unavailable} otherwise.
     */
    public String seccompDescription() {
        return probes().stream().filter(RuntimeProbe::works).findFirst()
                .map(probe -> probe.seccomp() ? "builtin default" : "unavailable (" + probe.name() + " is built without libseccomp)")
                .orElse("unavailable (no working runtime)");
    }

    /** One line per runtime, for {@code berth info}. */
    public String description() {
        return String.join("\n", probes().stream().map(RuntimeProbe::describe).toList());
    }

    private OciRuntime runtimeFor(RuntimeProbe probe) {
        return CommandLineRuntime.of(probe.name(), probe.executable().orElseThrow(), stateBase.resolve(probe.name()),
                probe.version(), probe.seccomp());
    }

    private RuntimeProbe probe(String name) {
        Optional<Path> executable = searchPath.find(name);
        if (executable.isEmpty()) {
            return new RuntimeProbe(name, Optional.empty(), "", false, "not found on PATH");
        }
        Optional<RuntimeProbe> cached = cache.lookup(name, executable.get());
        if (cached.isPresent()) {
            return cached.get();
        }
        String version = version(executable.get());
        boolean seccomp = SeccompSupport.of(name, executable.get());
        OciRuntime runtime = runtimeFor(new RuntimeProbe(name, executable, version, true, ""));
        String id = "berth-probe-%d-%s-%x".formatted(ProcessHandle.current().pid(), name, System.nanoTime());
        Path bundle = null;
        try {
            bundle = Files.createTempDirectory(scratch, "berth-probe-");
            ProbeBundle.writeTo(bundle);
            int exitCode = runtime.run(bundle, id, Stdio.discard());
            return exitCode == 0
                    ? new RuntimeProbe(name, executable, version, true, "", seccomp)
                    : new RuntimeProbe(name, executable, version, false, "`true` exited with " + exitCode, seccomp);
        } catch (BerthException e) {
            return new RuntimeProbe(name, executable, version, false, e.getMessage(), seccomp);
        } catch (IOException e) {
            return new RuntimeProbe(name, executable, version, false, "cannot make a probe bundle: " + e.getMessage(),
                    seccomp);
        } finally {
            cleanUp(runtime, id, bundle);
        }
    }

    private static void cleanUp(OciRuntime runtime, String id, Path bundle) {
        try {
            runtime.delete(id, true);
        } catch (BerthException alreadyGone) {
            // `run` removes the container itself; this only matters if the probe died half-way.
        }
        if (bundle != null) {
            try (Stream<Path> paths = Files.walk(bundle)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                System.getLogger(RuntimeDetector.class.getName())
                        .log(System.Logger.Level.DEBUG, "leaving probe bundle " + bundle + ": " + e.getMessage());
            }
        }
    }

    /** The version from the first line of {@code NAME --version} ({@code runc version 1.1.5+ds1}). */
    private static String version(Path executable) {
        try {
            Process process = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            String first = output.lines().findFirst().orElse("");
            int at = first.indexOf("version ");
            return at < 0 ? "" : first.substring(at + "version ".length()).strip();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
