package dev.berth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LocalRegistryConfigurationTest {

    @Test
    void openRegistryListensOnLoopbackWithDeletesEnabled() {
        assertThat(LocalRegistry.configuration(Path.of("/srv/reg"), 5123, Optional.empty(), Optional.empty())).isEqualTo("""
                version: 0.1
                log:
                  level: warn
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: /srv/reg
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:5123
                """);
    }

    @Test
    void authenticatedRegistryNamesItsHtpasswdFile() {
        assertThat(LocalRegistry.configuration(Path.of("/srv/reg"), 5123, Optional.of(Path.of("/srv/htpasswd")),
                Optional.empty()))
                .endsWith("""
                        http:
                          addr: 127.0.0.1:5123
                        auth:
                          htpasswd:
                            realm: berth-test
                            path: /srv/htpasswd
                        """);
    }

    @Test
    void aTlsRegistryServesItsCertificateAndKeyBeforeItsAuth() {
        var authority = new SelfSignedAuthority(Path.of("/t/ca.crt"), Path.of("/t/server.crt"), Path.of("/t/server.key"));
        assertThat(LocalRegistry.configuration(Path.of("/srv/reg"), 5123, Optional.of(Path.of("/srv/htpasswd")),
                Optional.of(authority))).endsWith("""
                        http:
                          addr: 127.0.0.1:5123
                          tls:
                            certificate: /t/server.crt
                            key: /t/server.key
                        auth:
                          htpasswd:
                            realm: berth-test
                            path: /srv/htpasswd
                        """);
    }

    @Test
    void credentialsMakeABasicAuthorizationHeader() {
        assertThat(new BasicCredentials("berth", "s3cret").authorizationHeader()).isEqualTo("Basic YmVydGg6czNjcmV0");
    }
}
