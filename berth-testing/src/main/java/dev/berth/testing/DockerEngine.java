package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Docker engine for tests to compare Berth against: Debian's {@code dockerd} on its own socket and data root.
 * {@link #startOrAttach} uses a daemon already answering on the socket (another test JVM's, or one a developer
 * started) and otherwise starts one, which it stops by pid on {@link #close()} or at JVM exit. The engine has no
 * bridge network and touches no iptables: containers run with {@code --network none} semantics. Test JVMs sharing
 * the engine register in a lock file, and the starter leaves the daemon running while others use it.
 */
public final class DockerEngine implements AutoCloseable {

    /** System property naming the docker CLI to use; by default the first {@code docker} on PATH. */
    public static final String CLI_PROPERTY = "berth.test.docker.cli";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final DockerEngineLayout layout;
    private final String cli;
    private final Optional<OwnedProcess> daemon;
    private final Duration startup;
    private final EngineUsers users;

    private DockerEngine(DockerEngineLayout layout, String cli, Optional<OwnedProcess> daemon, Duration startup) {
        this.layout = layout;
        this.cli = cli;
        this.daemon = daemon;
        this.startup = startup;
        this.users = EngineUsers.register(layout.usersLock());
    }

    /** The engine on the {@linkplain DockerEngineLayout#standard() standard layout}. */
    public static DockerEngine startOrAttach() {
        return startOrAttach(DockerEngineLayout.standard());
    }

    /**
     * Attaches to the daemon answering on {@code layout.socket()}, or starts one and waits until
     * {@code docker info} answers.
     *
     * @throws IllegalStateException if dockerd does not come up within a minute (its log is quoted)
     */
    public static DockerEngine startOrAttach(DockerEngineLayout layout) {
        String cli = System.getProperty(CLI_PROPERTY, "docker");
        long begin = System.nanoTime();
        try {
            Files.createDirectories(layout.dataRoot());
            Files.createDirectories(layout.cliConfig());
            // Two test JVMs may start at once; the second must find the first one's daemon, not race it.
            try (var lockFile = FileChannel.open(layout.startLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 var ignored = lockFile.lock()) {
                if (answers(layout.socket())) {
                    return new DockerEngine(layout, cli, Optional.empty(), Duration.ofNanos(System.nanoTime() - begin));
                }
                OwnedProcess daemon = launch(layout);
                try {
                    Polling.until("dockerd answering on " + layout.socket(), START_TIMEOUT,
                            () -> !daemon.isAlive() || answers(layout.socket()));
                    if (!daemon.isAlive()) {
                        throw new IllegalStateException("dockerd exited at start; its log ends with:\n" + tail(layout.log()));
                    }
                    var engine = new DockerEngine(layout, cli, Optional.of(daemon), Duration.ofNanos(System.nanoTime() - begin));
                    engine.docker("info", "--format", "{{.ServerVersion}}").orThrow();
                    return engine;
                } catch (RuntimeException e) {
                    daemon.stop();
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("starting dockerd on " + layout.socket(), e);
        }
    }

    private static OwnedProcess launch(DockerEngineLayout layout) throws IOException {
        Files.createDirectories(layout.execRoot());
        List<String> command = new ArrayList<>(List.of("dockerd",
                "--data-root", layout.dataRoot().toString(),
                "--exec-root", layout.execRoot().toString(),
                "--pidfile", layout.execRoot().resolve("dockerd.pid").toString(),
                "-H", layout.host(),
                // No bridge and no iptables: tests never need container networking, and must not touch the host's.
                "--iptables=false", "--ip6tables=false", "--ip-masq=false", "--bridge=none",
                "--log-level=warn"));
        layout.storageDriver().ifPresent(driver -> command.addAll(List.of("--storage-driver", driver)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                // A fresh log per start: it is read when the daemon fails, and must not grow forever.
                .redirectOutput(ProcessBuilder.Redirect.to(layout.log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        return new OwnedProcess("dockerd", process, STOP_GRACE);
    }

    /** True if a Docker API answers {@code GET /_ping} with OK on the socket. */
    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (var channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            var response = new StringBuilder();
            var buffer = ByteBuffer.allocate(1024);
            while (channel.read(buffer) > 0) {
                response.append(StandardCharsets.US_ASCII.decode(buffer.flip()));
                buffer.clear();
            }
            return response.toString().startsWith("HTTP/1.") && response.toString().contains(" 200 ");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Runs {@code docker ARGS...} against this engine. */
    public CommandResult docker(String... args) {
        return docker(List.of(args));
    }

    /** Runs {@code docker ARGS...} against this engine. */
    public CommandResult docker(List<String> args) {
        var command = new ArrayList<String>();
        command.add(cli);
        command.addAll(args);
        return HostCommand.of(command).withEnvironment(environment()).run();
    }

    /**
     * Imports a root filesystem tarball as a one-layer image ({@code docker import}).
     *
     * @return the image ID Docker printed ({@code sha256:...})
     */
    public String importRootfs(Path tarball, String reference) {
        return docker("import", tarball.toString(), reference).orThrow().stdout().strip();
    }

    /** The environment that points a docker CLI at this engine. */
    public Map<String, String> environment() {
        return Map.of("DOCKER_HOST", layout.host(), "DOCKER_CONFIG", layout.cliConfig().toString());
    }

    public DockerEngineLayout layout() {
        return layout;
    }

    /** True if this JVM started the daemon (and so stops it). */
    public boolean ownsDaemon() {
        return daemon.isPresent();
    }

    /** How long {@link #startOrAttach} took: starting dockerd, or just finding it. */
    public Duration startup() {
        return startup;
    }

    /**
     * Stops the daemon if this JVM started it and no other test JVM is using it; an attached daemon, or one another
     * JVM still uses, is left running (the next test run attaches to it).
     */
    @Override
    public void close() {
        try (users) {
            if (daemon.isPresent() && users.othersPresent()) {
                System.err.printf("berth-testing: leaving dockerd (pid %d) running for other test JVMs%n", daemon.get().pid());
                daemon.get().abandon();
            } else {
                daemon.ifPresent(OwnedProcess::stop);
            }
        }
    }
}
