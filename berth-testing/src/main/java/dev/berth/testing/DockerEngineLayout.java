package dev.berth.testing;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the test Docker engine keeps its socket, state and log, apart from any Docker the machine may run.
 *
 * @param socket        the API socket ({@code -H unix://...})
 * @param dataRoot      images and containers ({@code --data-root}); kept between runs so imports are cheap
 * @param execRoot      runtime state ({@code --exec-root}); short, because containerd puts sockets under it
 * @param cliConfig     {@code DOCKER_CONFIG} for the CLI, so a developer's credentials never leak into tests
 * @param log           where dockerd's output goes
 * @param storageDriver a {@code --storage-driver} to force, or empty to let dockerd choose (overlay2 here)
 */
public record DockerEngineLayout(Path socket, Path dataRoot, Path execRoot, Path cliConfig, Path log,
                                 Optional<String> storageDriver) {

    /** System property naming the socket; the other paths stay where {@link #standard()} puts them. */
    public static final String SOCKET_PROPERTY = "berth.test.docker.socket";
    /** System property forcing a storage driver, e.g. {@code vfs} where overlayfs cannot nest. */
    public static final String STORAGE_DRIVER_PROPERTY = "berth.test.docker.storage-driver";

    public DockerEngineLayout {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(execRoot, "execRoot");
        Objects.requireNonNull(cliConfig, "cliConfig");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(storageDriver, "storageDriver");
    }

    /** The machine-wide layout every test JVM shares: one engine serves them all. */
    public static DockerEngineLayout standard() {
        Path state = Path.of("/var/tmp/berth-test-docker");
        return new DockerEngineLayout(
                Path.of(System.getProperty(SOCKET_PROPERTY, "/run/berth-test-docker.sock")),
                state.resolve("data"),
                Path.of("/run/berth-test-docker"),
                state.resolve("cli"),
                state.resolve("dockerd.log"),
                Optional.ofNullable(System.getProperty(STORAGE_DRIVER_PROPERTY)).filter(s -> !s.isBlank()));
    }

    /** The lock file that keeps two JVMs from starting two daemons on the same data root. */
    Path startLock() {
        return dataRoot.resolveSibling("start.lock");
    }

    /** The lock file in which each test JVM using the engine marks itself. */
    Path usersLock() {
        return dataRoot.resolveSibling("users.lock");
    }

    /** The value for {@code DOCKER_HOST}. */
    public String host() {
        return "unix://" + socket;
    }
}
