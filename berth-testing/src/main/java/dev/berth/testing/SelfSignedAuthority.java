package dev.berth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority made at test time with {@code openssl} (2048-bit RSA, valid two days) and a server
 * certificate it signed for {@code 127.0.0.1} (subject alternative name {@code IP:127.0.0.1}), in PEM files under a
 * directory of the caller's.
 *
 * @param caCertificate {@code ca.crt}, what a client trusts ({@code certs.d/HOST:PORT/ca.crt})
 * @param certificate {@code server.crt}
 * @param key {@code server.key}, unencrypted
 */
public record SelfSignedAuthority(Path caCertificate, Path certificate, Path key) {

    /** Makes the CA and the server certificate in {@code directory}. */
    public static SelfSignedAuthority create(Path directory) {
        try {
            Files.createDirectories(directory);
            Path caKey = directory.resolve("ca.key");
            Path ca = directory.resolve("ca.crt");
            Path key = directory.resolve("server.key");
            Path request = directory.resolve("server.csr");
            Path certificate = directory.resolve("server.crt");
            Path extensions = Files.writeString(directory.resolve("server.ext"),
                    "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
            HostCommand.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(),
                    "-out", ca.toString(), "-days", "2", "-subj", "/CN=berth test CA",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
                    .run().orThrow();
            HostCommand.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                    "-out", request.toString(), "-subj", "/CN=127.0.0.1").run().orThrow();
            HostCommand.of("openssl", "x509", "-req", "-in", request.toString(), "-CA", ca.toString(),
                    "-CAkey", caKey.toString(), "-CAcreateserial", "-out", certificate.toString(), "-days", "2",
                    "-extfile", extensions.toString()).run().orThrow();
            return new SelfSignedAuthority(ca, certificate, key);
        } catch (IOException e) {
            throw new UncheckedIOException("making a test CA in " + directory, e);
        }
    }

    /** A TLS context that trusts this CA only, for a test's own client. */
    public SSLContext clientContext() {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + caCertificate, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("trusting " + caCertificate + ": " + e.getMessage(), e);
        }
    }
}
