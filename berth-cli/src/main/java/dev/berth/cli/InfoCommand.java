package dev.berth.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.berth.error.UnsupportedFeatureException;
import dev.berth.runtime.RuntimeDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth info}: what Berth finds on this host, starting with the OCI runtimes that work here. */
@Command(name = "info", description = "Shows the OCI runtimes found on this host and which one Berth uses.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--runtime-state", paramLabel = "DIR", defaultValue = "/run/berth",
            description = "Where runtimes keep container state (default: ${DEFAULT-VALUE}).")
    private Path runtimeState;

    @Override
    public Integer call() {
        var detector = RuntimeDetector.fromEnvironment(System.getenv(), runtimeState);
        var out = spec.commandLine().getOut();
        out.println("Runtimes:");
        detector.description().lines().forEach(line -> out.println("  " + line));
        try {
            out.println("Default runtime: " + detector.choose().description());
        } catch (UnsupportedFeatureException none) {
            out.println("Default runtime: none (Berth cannot run containers or RUN steps here)");
        }
        out.println("Security options:");
        out.println("  seccomp: " + detector.seccompDescription());
        out.flush();
        return 0;
    }
}
