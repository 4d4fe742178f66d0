package dev.berth.registry;

import dev.berth.error.TransferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS context for one registry, as Docker builds it from {@code certs.d/HOST[:PORT]/}: the system's trust
 * store plus every {@code *.crt} there (a private CA), and a client certificate from each {@code NAME.cert} with
 * its {@code NAME.key} (PKCS#8 or PKCS#1 RSA, PEM). No directory: the JDK's default context.
 */
final class TrustMaterial {

    private TrustMaterial() {
    }

    static SSLContext context(Optional<Path> registryDirectory, String domain) {
        if (registryDirectory.isEmpty()) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new TransferException("the JDK's default TLS context for " + domain + ": " + e.getMessage(), e);
            }
        }
        Path directory = registryDirectory.get();
        try {
            List<X509Certificate> authorities = new ArrayList<>();
            List<Path> clientCerts = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".crt")) {
                        authorities.addAll(certificates(file));
                    } else if (name.endsWith(".cert")) {
                        clientCerts.add(file);
                    }
                }
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            for (Path cert : clientCerts) {
                String stem = cert.getFileName().toString().replaceFirst("\\.cert$", "");
                Path key = cert.resolveSibling(stem + ".key");
                if (!Files.exists(key)) {
                    throw new TransferException("client certificate " + cert + " has no " + key.getFileName() + " beside it");
                }
                keys.setKeyEntry(stem, privateKey(key), new char[0], certificates(cert).toArray(Certificate[]::new));
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), new TrustManager[] {trustManager(authorities)}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new TransferException("reading the TLS files for " + domain + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The system's trust manager, then the directory's CAs: a certificate either trusts is trusted. */
    private static X509TrustManager trustManager(List<X509Certificate> authorities) throws GeneralSecurityException, IOException {
        X509TrustManager system = defaultManager(null);
        if (authorities.isEmpty()) {
            return system;
        }
        KeyStore extra = KeyStore.getInstance("PKCS12");
        extra.load(null, null);
        for (int i = 0; i < authorities.size(); i++) {
            extra.setCertificateEntry("ca" + i, authorities.get(i));
        }
        X509TrustManager local = defaultManager(extra);
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                system.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    local.checkServerTrusted(chain, authType);
                } catch (CertificateException notLocal) {
                    system.checkServerTrusted(chain, authType);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                List<X509Certificate> all = new ArrayList<>(List.of(system.getAcceptedIssuers()));
                all.addAll(authorities);
                return all.toArray(X509Certificate[]::new);
            }
        };
    }

    private static X509TrustManager defaultManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    private static List<X509Certificate> certificates(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            return certificates;
        }
    }

    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        if (!pkcs1 && !pem.contains("BEGIN PRIVATE KEY")) {
            throw new TransferException("client key " + file + " is neither PKCS#8 (BEGIN PRIVATE KEY) nor PKCS#1 RSA PEM");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        if (pkcs1) {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapPkcs1(der)));
        }
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new TransferException("client key " + file + " is not an RSA, EC or Ed25519 PKCS#8 key");
    }

    /** PKCS#1 RSAPrivateKey wrapped in a PKCS#8 PrivateKeyInfo with the rsaEncryption algorithm. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = concat(new byte[] {0x04}, length(pkcs1.length), pkcs1);
        byte[] body = concat(version, algorithm, octets);
        return concat(new byte[] {0x30}, length(body.length), body);
    }

    private static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
