package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthChallengeTest {

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                        + "scope=\"repository:library/alpine:pull\"",
                        List.of(new AuthChallenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                                "service", "registry.docker.io", "scope", "repository:library/alpine:pull")))),
                Arguments.of("Basic realm=\"berth-test\"",
                        List.of(new AuthChallenge("basic", Map.of("realm", "berth-test")))),
                // GHCR and Harbor put spaces after commas; names are case-insensitive.
                Arguments.of("BEARER Realm=\"https://ghcr.io/token\", Service=\"ghcr.io\", scope=\"repository:a/b:pull\"",
                        List.of(new AuthChallenge("bearer", Map.of("realm", "https://ghcr.io/token", "service", "ghcr.io",
                                "scope", "repository:a/b:pull")))),
                // A scope with two actions holds a comma inside the quotes.
                Arguments.of("Bearer realm=\"r\",scope=\"repository:a:pull,push\"",
                        List.of(new AuthChallenge("bearer", Map.of("realm", "r", "scope", "repository:a:pull,push")))),
                // Two challenges in one header, and an unquoted token value.
                Arguments.of("Basic realm=x, Bearer realm=\"y\"",
                        List.of(new AuthChallenge("basic", Map.of("realm", "x")), new AuthChallenge("bearer", Map.of("realm", "y")))),
                Arguments.of("Bearer realm=\"a \\\"quoted\\\" realm\"",
                        List.of(new AuthChallenge("bearer", Map.of("realm", "a \"quoted\" realm")))),
                Arguments.of("Negotiate", List.of(new AuthChallenge("negotiate", Map.of()))),
                Arguments.of("", List.of()));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void readsEveryChallengeOfTheHeader(String header, List<AuthChallenge> expected) {
        assertThat(AuthChallenge.parse(header)).isEqualTo(expected);
    }

    @Property
    void anyHeaderParsesWithoutThrowing(@ForAll String header) {
        assertThat(AuthChallenge.parse(header)).allSatisfy(challenge -> assertThat(challenge.scheme()).isNotEmpty());
    }

    @Test
    void theChallengesScopeIsAddedToTheRequestsOwn() {
        List<AuthChallenge> challenges = AuthChallenge.parse("Bearer realm=\"r\",scope=\"repository:other:pull\"");
        assertThat(RegistryTransport.scopeWithChallenge("repository:app:pull,push", challenges))
                .isEqualTo("repository:app:pull,push repository:other:pull");
        assertThat(RegistryTransport.scopeWithChallenge("repository:app:pull",
                AuthChallenge.parse("Bearer realm=\"r\",scope=\"repository:app:pull\""))).isEqualTo("repository:app:pull");
    }
}
