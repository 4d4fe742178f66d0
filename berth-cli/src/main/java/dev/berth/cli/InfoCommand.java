package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.HostInfo;
import dev.berth.api.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        HostInfo host = Berth.hostInfo(Settings.builder().environment(System.getenv()).runtimeState(runtimeState).build());
        var out = spec.commandLine().getOut();
        out.println("Runtimes:");
        host.runtimes().forEach(line -> out.println("  " + line));
        out.println("Default runtime: "
                + host.defaultRuntime().orElse("none (Berth cannot run containers or RUN steps here)"));
        out.println("Security options:");
        out.println("  seccomp: " + host.seccomp());
        out.flush();
        return 0;
    }
}
