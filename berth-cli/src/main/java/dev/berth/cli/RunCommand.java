package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.ContainerNetwork;
import dev.berth.api.RunRequest;
import dev.berth.api.Settings;
import dev.berth.error.BerthException;
import dev.berth.error.UnsupportedFeatureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth run [OPTIONS] IMAGE [COMMAND [ARG...]]}: runs a container in the foreground, as {@code docker run --rm}.
 * Exits with the container's exit code, 127/126 when the runtime reports the command not found/not executable,
 * or 125 when Berth itself fails.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a command in a new container, in the foreground or (-d) detached.",
                "In the foreground, the container and its writable layer are removed when it exits, as with --rm; "
                        + "with -d it runs under conmon and stays until berth rm (or its exit, with --rm)."},
        footer = "Exit status: the container's; 127 command not found, 126 not executable; 125 when berth fails to run it.")
class RunCommand implements Callable<Integer> {

    static final int FAILED_TO_RUN = 125;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The image's name or ID.")
    String image;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "The command and its arguments (default: the image's Cmd).")
    List<String> command = new ArrayList<>();

    @Option(names = "--rm", description = "Remove the container when it exits (always so in the foreground).")
    boolean remove;

    @Option(names = {"-d", "--detach"}, description = "Run the container in the background under conmon and print its ID.")
    boolean detach;

    @Option(names = {"-l", "--label"}, paramLabel = "KEY[=VALUE]", description = "Set a label on a detached container.")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "KEY[=VALUE]", description = "Set an environment variable; KEY alone takes it from berth's environment.")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read KEY[=VALUE] lines from FILE (# starts a comment).")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--entrypoint", paramLabel = "CMD", description = "Replace the image's Entrypoint (and drop its Cmd); \"\" clears it.")
    String entrypoint;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "The working directory inside the container.")
    String workdir;

    @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]", description = "The user (name or uid) to run as.")
    String user;

    @Option(names = {"--network", "--net"}, paramLabel = "bridge|none|host|container:NAME|NAME|name=NAME[,alias=A][,ip=IP]",
            description = "The network: bridge (the default network), a user network (berth network create), host, none, or container:NAME|ID to share a running container's network namespace (default: bridge); repeat it to join more user networks.")
    List<String> networks = new ArrayList<>();

    @Option(names = {"-p", "--publish"}, paramLabel = "[IP:][HOST:]CTR[/PROTO]",
            description = "Publish a container port (or range) on the host; no host port or 0: one is chosen.")
    List<String> publish = new ArrayList<>();

    @Option(names = {"-P", "--publish-all"}, description = "Publish every port the image EXPOSEs, each on a chosen host port.")
    boolean publishAll;

    @Option(names = {"--network-alias", "--alias"}, paramLabel = "NAME", description = "Another name the container answers to on its (first) user network.")
    List<String> networkAliases = new ArrayList<>();

    @Option(names = "--ip", paramLabel = "IPv4", description = "The container's address on its (first) network.")
    String ip;

    @Option(names = "--add-host", paramLabel = "NAME:IP", description = "Add a line to /etc/hosts (IP host-gateway: the network's gateway).")
    List<String> addHosts = new ArrayList<>();

    @Option(names = "--dns", paramLabel = "IP", description = "A nameserver for the container's /etc/resolv.conf.")
    List<String> dns = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "The name of a detached container (default: generated).")
    String name;

    @Option(names = "--hostname", paramLabel = "NAME", description = "The hostname (default: the container ID's first 12 hex digits).")
    String hostname;

    @Option(names = {"-i", "--interactive"}, description = "Pass standard input to the container.")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Give the container a pseudo-terminal (with -i, standard input must be a terminal).")
    boolean tty;

    @Option(names = "--runtime", paramLabel = "NAME", description = "The OCI runtime: runc or crun (default: the first that works here).")
    String runtime;

    @Option(names = "--security-opt", paramLabel = "OPT", description = "seccomp=unconfined runs without Berth's default seccomp filter.")
    List<String> securityOptions = new ArrayList<>();

    @Option(names = "--runtime-state", paramLabel = "DIR", defaultValue = "/run/berth",
            description = "Where runtimes keep container state (default: ${DEFAULT-VALUE}).")
    Path runtimeState;

    @Mixin
    RunHostFlags hostFlags;

    @Mixin
    RunHealthFlags healthFlags;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Map<String, String> environment = System.getenv();
            RunRequest.Builder request = RunRequest.builder(image).command(command).env(environment(environment))
                    .network(network()).seccomp(seccomp()).streams(new RunRequest.Streams.Inherited(interactive))
                    .host(hostFlags.options().withHealth(healthFlags.health()).withRestart(healthFlags.restartPolicy()))
                    .tty(tty);
            Optional.ofNullable(entrypoint).ifPresent(request::entrypoint);
            Optional.ofNullable(workdir).ifPresent(request::workingDir);
            Optional.ofNullable(user).ifPresent(request::user);
            Optional.ofNullable(hostname).ifPresent(request::hostname);
            RunRequest run = request.build();
            spec.commandLine().getOut().flush();
            Settings.Builder settings = store.settings(environment).runtimeState(runtimeState);
            Optional.ofNullable(runtime).ifPresent(settings::runtime);
            try (Berth berth = Berth.open(settings.build())) {
                SweepReportText.log(berth.sweepLeftovers());
                BootRestartText.startDue(berth, spec.commandLine().getErr());
                if (detach || creates()) {
                    // Docker prints the full ID of a detached (or created) container, and nothing else.
                    var containers = berth.containers();
                    spec.commandLine().getOut().println((creates()
                            ? containers.create(run, Optional.ofNullable(name), labels(), remove)
                            : containers.run(run, Optional.ofNullable(name), labels(), remove)).id());
                    spec.commandLine().getOut().flush();
                    return 0;
                }
                return berth.run(run).exitCode();
            }
        } catch (BerthException e) {
            new ErrorReporter().handleExecutionException(e, spec.commandLine(), null);
            return exitCode(e);
        }
    }

    /** Whether the container is only made ({@code berth create}), not started. */
    boolean creates() {
        return false;
    }

    /** Docker's codes for a command the runtime could not start: 127 not found, 126 not executable; else 125. */
    static int exitCode(BerthException failure) {
        String message = String.valueOf(failure.getMessage());
        if (!message.contains("unable to start container process: exec:")) {
            return FAILED_TO_RUN;
        }
        if (message.contains("executable file not found") || message.contains("no such file or directory")) {
            return 127;
        }
        return message.contains("permission denied") ? 126 : FAILED_TO_RUN;
    }

    /** {@code --label KEY=VALUE}, or {@code KEY} for an empty value, as Docker reads them; the last of a key wins. */
    private Map<String, String> labels() {
        Map<String, String> pairs = new java.util.LinkedHashMap<>();
        for (String label : labels) {
            int equals = label.indexOf('=');
            pairs.put(equals < 0 ? label : label.substring(0, equals), equals < 0 ? "" : label.substring(equals + 1));
        }
        return pairs;
    }

    /** Whether to apply the default seccomp filter: Docker's {@code --security-opt seccomp=unconfined} turns it off. */
    private boolean seccomp() {
        boolean seccomp = true;
        for (String option : securityOptions) {
            int equals = option.indexOf(option.contains("=") ? '=' : ':');
            String name = equals < 0 ? option : option.substring(0, equals);
            String value = equals < 0 ? "" : option.substring(equals + 1);
            if (!name.equals("seccomp")) {
                throw new UnsupportedFeatureException("--security-opt " + option + ": only seccomp=unconfined is supported");
            }
            if (!value.equals("unconfined")) {
                throw new UnsupportedFeatureException("--security-opt " + option
                        + ": custom seccomp profiles are not supported; seccomp=unconfined disables the default one");
            }
            seccomp = false;
        }
        return seccomp;
    }

    /** {@code --network} and its companions; Docker's client drops {@code -p} with host networking, with a warning. */
    private ContainerNetwork network() {
        boolean host = !networks.isEmpty() && networks.getFirst().equals("host");
        if (host && (!publish.isEmpty() || publishAll)) {
            spec.commandLine().getErr().println("WARNING: Published ports are discarded when using host network mode");
        }
        try {
            return RunNetworkFlags.containerNetwork(networks, networkAliases, ip, host ? List.of() : publish,
                    !host && publishAll, addHosts, dns);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFeatureException(e.getMessage());
        }
    }

    /** The {@code --env-file} lines, then the {@code -e} pairs; a bare KEY takes the value from berth's environment or is dropped. */
    private List<String> environment(Map<String, String> environment) {
        List<String> pairs = new ArrayList<>();
        for (Path file : envFiles) {
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank() && !line.stripLeading().startsWith("#"))
                        .forEach(pairs::add);
            } catch (IOException e) {
                throw new UnsupportedFeatureException("reading the env file " + file + ": " + e.getMessage());
            }
        }
        pairs.addAll(env);
        List<String> resolved = new ArrayList<>();
        for (String pair : pairs) {
            if (pair.contains("=")) {
                resolved.add(pair);
            } else if (environment.containsKey(pair)) {
                resolved.add(pair + "=" + environment.get(pair));
            }
        }
        return List.copyOf(resolved);
    }
}
