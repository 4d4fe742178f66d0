package dev.berth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real OCI distribution registry (Debian's {@code docker-registry}, distribution 2.8) on 127.0.0.1 with a free
 * port, filesystem storage in a directory of the caller's and deletes enabled. Plain HTTP by default: Docker treats
 * 127.0.0.0/8 as an insecure registry, so {@code docker push 127.0.0.1:PORT/...} works without configuration; or
 * TLS with a certificate from a CA made for it ({@link #startWithTlsAndBasicAuth}). Stopped by pid on
 * {@link #close()} or at JVM exit.
 */
public final class LocalRegistry implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final int port;
    private final Path storage;
    private final Optional<BasicCredentials> credentials;
    private final Optional<SelfSignedAuthority> tls;
    private final OwnedProcess process;

    private LocalRegistry(int port, Path storage, Optional<BasicCredentials> credentials,
            Optional<SelfSignedAuthority> tls, OwnedProcess process) {
        this.port = port;
        this.storage = storage;
        this.credentials = credentials;
        this.tls = tls;
        this.process = process;
    }

    /** Starts an open registry keeping its files (config, log, blobs) under {@code workDir}. */
    public static LocalRegistry start(Path workDir) {
        return start(workDir, Optional.empty(), Optional.empty());
    }

    /**
     * Starts a registry that demands basic auth with these credentials (an htpasswd file made with
     * {@code htpasswd -B}, from Debian's apache2-utils).
     */
    public static LocalRegistry startWithBasicAuth(Path workDir, BasicCredentials credentials) {
        return start(workDir, Optional.of(credentials), Optional.empty());
    }

    /**
     * Starts a registry serving TLS with a certificate for 127.0.0.1 from a CA made in {@code workDir/tls}
     * ({@link #authority()}), demanding basic auth with these credentials.
     */
    public static LocalRegistry startWithTlsAndBasicAuth(Path workDir, BasicCredentials credentials) {
        return start(workDir, Optional.of(credentials), Optional.of(SelfSignedAuthority.create(workDir.resolve("tls"))));
    }

    private static LocalRegistry start(Path workDir, Optional<BasicCredentials> credentials,
            Optional<SelfSignedAuthority> tls) {
        IllegalStateException last = null;
        // The free port is found by binding and releasing it, so another process may take it first: retry.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                return startOnce(workDir, freePort(), credentials, tls);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static LocalRegistry startOnce(Path workDir, int port, Optional<BasicCredentials> credentials,
            Optional<SelfSignedAuthority> tls) {
        try {
            Path storage = Files.createDirectories(workDir.resolve("storage"));
            Path config = workDir.resolve("config.yml");
            Path log = workDir.resolve("registry.log");
            Files.writeString(config, configuration(storage, port, credentials.map(c -> htpasswd(workDir, c)), tls));
            Process started = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            var process = new OwnedProcess("docker-registry on port " + port, started, Duration.ofSeconds(10));
            var registry = new LocalRegistry(port, storage, credentials, tls, process);
            try {
                Polling.until("docker-registry answering on 127.0.0.1:" + port, START_TIMEOUT,
                        () -> !process.isAlive() || registry.answers());
                if (!process.isAlive()) {
                    throw new IllegalStateException("docker-registry exited at start:\n" + Files.readString(log));
                }
                return registry;
            } catch (RuntimeException e) {
                process.stop();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("starting docker-registry in " + workDir, e);
        }
    }

    static String configuration(Path storage, int port, Optional<Path> htpasswd, Optional<SelfSignedAuthority> tls) {
        var yaml = new StringBuilder("""
                version: 0.1
                log:
                  level: warn
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(storage, port));
        tls.ifPresent(authority -> yaml.append("""
                  tls:
                    certificate: %s
                    key: %s
                """.formatted(authority.certificate(), authority.key())));
        htpasswd.ifPresent(file -> yaml.append("""
                auth:
                  htpasswd:
                    realm: berth-test
                    path: %s
                """.formatted(file)));
        return yaml.toString();
    }

    private static Path htpasswd(Path workDir, BasicCredentials credentials) {
        // Cost 4 (the minimum) keeps each authenticated request cheap; security is not the point here.
        String line = HostCommand.of("htpasswd", "-nbB", "-C", "4", credentials.username(), credentials.password())
                .run().orThrow().stdout().strip();
        try {
            return Files.writeString(workDir.resolve("htpasswd"), line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing the registry's htpasswd file", e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("finding a free port on 127.0.0.1", e);
        }
    }

    /** True if {@code GET /v2/} answers 200, or 401 when the registry demands auth. */
    boolean answers() {
        HttpClient.Builder builder = HttpClient.newBuilder();
        tls.ifPresent(authority -> builder.sslContext(authority.clientContext()));
        try (var client = builder.build()) {
            var request = HttpRequest.newBuilder(baseUri().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 || (credentials.isPresent() && status == 401);
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code 127.0.0.1:PORT}, the registry part of an image reference. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:PORT}, or {@code https://} with TLS. */
    public URI baseUri() {
        return URI.create((tls.isPresent() ? "https://" : "http://") + address());
    }

    /** The CA that signed its certificate, when it serves TLS. */
    public Optional<SelfSignedAuthority> authority() {
        return tls;
    }

    public int port() {
        return port;
    }

    /** Where blobs and manifests land, to check what a push wrote. */
    public Path storage() {
        return storage;
    }

    /** The credentials it demands, if it was started with basic auth. */
    public Optional<BasicCredentials> credentials() {
        return credentials;
    }

    /** Stops the registry by pid; its files stay in the work directory. */
    @Override
    public void close() {
        process.stop();
    }
}
