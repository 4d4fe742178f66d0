package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certs.d/HOST:PORT/}: a registry's own CA ({@code ca.crt}) and a client certificate ({@code client.cert},
 * {@code client.key}), against a TLS server on 127.0.0.1 that demands the client's certificate. A loopback registry
 * with such a directory is reached over HTTPS.
 */
class CertsDirectoryTlsTest {

    @TempDir
    Path work;

    @Test
    void aRegistrysOwnCaAndClientCertificateFromCertsDirectoryAreUsed() throws Exception {
        Path keystore = work.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, "changeit".toCharArray());
        }
        Certificate certificate = keys.getCertificate("registry");
        PrivateKey key = (PrivateKey) keys.getKey("registry", "changeit".toCharArray());

        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys); // the server trusts the one certificate: the client must present it
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            String domain = "127.0.0.1:" + server.getLocalPort();
            Path certs = Files.createDirectories(work.resolve("certs.d").resolve(domain));
            Files.writeString(certs.resolve("ca.crt"), pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(certs.resolve("client.cert"), pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(certs.resolve("client.key"), pem("PRIVATE KEY", key.getEncoded()));
            Thread serving = Thread.ofVirtual().start(() -> answerOnce(server));

            RegistryConfig config = new RegistryConfig(work.resolve("none"), List.of(), List.of(), List.of(work.resolve("certs.d")));
            try (RegistryTransport transport = new RegistryTransport(config, new CredentialStore(Map.of("HOME",
                    work.toString())), new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO), Clock.systemUTC())) {
                RegistryEndpoint endpoint = transport.endpoint(domain);
                assertThat(endpoint.base()).hasToString("https://" + domain);
                HttpResponse<InputStream> response = transport.send(endpoint, "",
                        RegistryCall.get(endpoint.resolve("/v2/"), Map.of(), "probing " + domain), Optional.empty());
                assertThat(response.statusCode()).isEqualTo(200);
                response.body().close();
            }
            serving.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void aLoopbackRegistryWithoutCertsDirectoryIsPlainHttp() {
        RegistryConfig config = new RegistryConfig(work.resolve("none"), List.of(), List.of(), List.of(work.resolve("certs.d")));
        assertThat(RegistryEndpoint.of("127.0.0.1:5000", config).base()).hasToString("http://127.0.0.1:5000");
    }

    private static void answerOnce(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // the request's headers
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
