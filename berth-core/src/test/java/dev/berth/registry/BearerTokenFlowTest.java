package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.NotFoundException;
import dev.berth.error.TransferException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's token flow against a registry and token server faked on 127.0.0.1 (one socket, one request per
 * connection): the challenge's realm, service and scope are used, credentials go to the token server only, the
 * token is sent to the registry and reused for the next request of the same scope.
 */
class BearerTokenFlowTest {

    @TempDir
    Path home;

    private ServerSocket server;
    private Thread serving;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serving = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    answer(socket);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        server.close();
        serving.join(Duration.ofSeconds(5));
    }

    private String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** GET /token gives "t0k3n" (to alice:pw only, when credentials are sent); the registry wants it. */
    private void answer(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String requestLine = in.readLine();
        String authorization = "";
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.toLowerCase().startsWith("authorization:")) {
                authorization = line.substring("authorization:".length()).strip();
            }
        }
        seen.add(requestLine + " | " + authorization);
        String path = requestLine.split(" ")[1];
        String status;
        String headers = "";
        String body;
        if (path.startsWith("/token")) {
            boolean wrong = !authorization.isEmpty()
                    && !authorization.equals(new RegistryCredentials("alice", "pw").basicHeader());
            status = wrong ? "401 Unauthorized" : "200 OK";
            body = wrong ? "{\"details\":\"incorrect username or password\"}" : "{\"token\":\"t0k3n\",\"expires_in\":300}";
        } else if (authorization.equals("Bearer t0k3n")) {
            status = "404 Not Found";
            body = "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}";
        } else {
            status = "401 Unauthorized";
            headers = "WWW-Authenticate: Bearer realm=\"http://" + address() + "/token\",service=\"fake\","
                    + "scope=\"repository:team/app:pull\"\r\n";
            body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private RepositoryClient client() {
        RegistryConfig config = new RegistryConfig(home.resolve("none"), List.of(), List.of(), List.of(home.resolve("certs")));
        RegistryTransport transport = new RegistryTransport(config, new CredentialStore(Map.of("HOME", home.toString())),
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO), Clock.systemUTC());
        return new RepositoryClient(transport, transport.endpoint(address()), "team/app", false);
    }

    @Test
    void anAnonymousTokenIsFetchedForTheScopeAndReused() {
        RepositoryClient client = client();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.manifest("1", "pulling " + address() + "/team/app:1"))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("MANIFEST_UNKNOWN");
        }
        assertThat(seen).filteredOn(request -> request.startsWith("GET /token")).singleElement()
                .satisfies(request -> assertThat(request).contains("service=fake", "scope=repository%3Ateam%2Fapp%3Apull")
                        .endsWith("| "));
        assertThat(seen).filteredOn(request -> request.startsWith("GET /v2/")).hasSize(3); // 401, then twice with the token
    }

    @Test
    void storedCredentialsGoToTheTokenServerAndAWrongPasswordSaysSo() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"" + address() + "\":{\"auth\":\""
                + java.util.Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        assertThatThrownBy(() -> client().manifest("1", "pulling")).isInstanceOf(NotFoundException.class);
        assertThat(seen).anySatisfy(request -> assertThat(request).startsWith("GET /token").contains("account=alice")
                .endsWith(new RegistryCredentials("alice", "pw").basicHeader()));

        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"" + address() + "\":{\"auth\":\""
                + java.util.Base64.getEncoder().encodeToString("alice:nope".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        assertThatThrownBy(() -> client().manifest("1", "pulling"))
                .isInstanceOf(TransferException.class)
                .hasMessageContaining("authentication to " + address() + " failed")
                .hasMessageContaining("401 Unauthorized: incorrect username or password")
                .hasMessageNotContaining("nope");
    }
}
