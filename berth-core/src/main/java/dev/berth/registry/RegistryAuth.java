package dev.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.TransferException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers a registry's {@code WWW-Authenticate} challenge (Docker's token authentication spec): {@code Basic} with
 * the stored credentials; {@code Bearer} with a token from the challenge's realm for the request's scopes
 * ({@code repository:NAME:pull[,push]}), fetched anonymously or with the credentials (a {@code GET} with basic auth,
 * or an OAuth2 {@code POST} with a refresh token when the credentials are an identity token). Headers are kept per
 * registry and scope and reused until the token's {@code expires_in} runs out. Never logs or quotes them.
 */
final class RegistryAuth {

    /** Tokens without {@code expires_in} live 60 s, the spec's default. */
    private static final Duration DEFAULT_TOKEN_LIFE = Duration.ofSeconds(60);
    /** A token is renewed this long before it expires, so it does not lapse in flight. */
    private static final Duration EARLY = Duration.ofSeconds(5);

    private record Key(String domain, String scope) {}

    private record Entry(String header, Instant expires) {}

    private final Function<String, Optional<RegistryCredentials>> credentials;
    private final Clock clock;
    private final Map<Key, Entry> headers = new ConcurrentHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    RegistryAuth(Function<String, Optional<RegistryCredentials>> credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The header to send with a request of this scope, when one is known and not expired. */
    Optional<String> header(String domain, String scope) {
        Entry entry = headers.get(new Key(domain, scope));
        if (entry == null || !clock.instant().isBefore(entry.expires().minus(EARLY))) {
            return Optional.empty();
        }
        return Optional.of(entry.header());
    }

    /** Forgets a header the registry refused (a revoked token), so the next challenge fetches a new one. */
    void forget(String domain, String scope) {
        headers.remove(new Key(domain, scope));
    }

    /**
     * Meets the challenges of a 401 for {@code scope} (a token asked for {@code tokenScope}, space-separated, and
     * filed under {@code scope}); gives the header to retry with, or empty when no
     * challenge can be met (no credentials for Basic, an unknown scheme).
     */
    Optional<String> answer(HttpClient client, String domain, String scope, String tokenScope,
            List<AuthChallenge> challenges, Optional<RegistryCredentials> given) {
        Optional<RegistryCredentials> known = given.or(() -> credentials.apply(domain));
        for (AuthChallenge challenge : challenges) {
            switch (challenge.scheme()) {
                case "bearer" -> {
                    Token token = token(client, domain, challenge, tokenScope, known);
                    return remember(domain, scope, "Bearer " + token.value(), token.expires());
                }
                case "basic" -> {
                    if (known.isPresent() && !known.get().isIdentityToken()) {
                        return remember(domain, scope, known.get().basicHeader(), Instant.MAX);
                    }
                }
                default -> { }
            }
        }
        return Optional.empty();
    }

    private Optional<String> remember(String domain, String scope, String header, Instant expires) {
        headers.put(new Key(domain, scope), new Entry(header, expires));
        return Optional.of(header);
    }

    /** A bearer token and when it expires; its text is a secret. */
    private record Token(String value, Instant expires) {
        @Override
        public String toString() {
            return "Token[<redacted>, expires=" + expires + "]";
        }
    }

    private Token token(HttpClient client, String domain, AuthChallenge challenge, String scope,
            Optional<RegistryCredentials> known) {
        String realm = challenge.parameter("realm").orElseThrow(() -> new TransferException(
                "registry " + domain + " asked for a bearer token without saying where to get it (no realm)"));
        StringBuilder query = new StringBuilder();
        challenge.parameter("service").ifPresent(service -> query.append("service=").append(encode(service)));
        for (String one : scope.split(" ")) {
            if (!one.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append("scope=").append(encode(one));
            }
        }
        HttpRequest request;
        URI realmUri = URI.create(realm);
        if (known.isPresent() && known.get().isIdentityToken()) {
            String form = query + (query.isEmpty() ? "" : "&") + "grant_type=refresh_token&client_id=berth&refresh_token="
                    + encode(known.get().secret());
            request = HttpRequest.newBuilder(realmUri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        } else {
            if (known.isPresent()) {
                query.append(query.isEmpty() ? "" : "&").append("account=").append(encode(known.get().username()));
            }
            URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
            known.ifPresent(c -> builder.header("Authorization", c.basicHeader()));
            request = builder.build();
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransferException("getting a token for " + domain + " from " + realmUri.getHost() + ": "
                    + RegistryTransport.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException("interrupted while getting a token for " + domain, e);
        }
        if (response.statusCode() != 200) {
            String said = RegistryErrorBody.parse(response.body()).describe().map(text -> ": " + text).orElse("");
            throw new TransferException("authentication to " + domain + " failed: the token server answered "
                    + RegistryTransport.statusText(response.statusCode()) + said
                    + (known.isPresent() ? "; check the credentials for " + domain + " (berth login " + domain + ")" : ""));
        }
        try {
            JsonNode body = mapper.readTree(response.body());
            String token = body.path("token").asText(body.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new TransferException("the token server of " + domain + " answered without a token");
            }
            long seconds = body.path("expires_in").asLong(0);
            Duration life = seconds >= 60 ? Duration.ofSeconds(seconds) : DEFAULT_TOKEN_LIFE;
            return new Token(token, clock.instant().plus(life));
        } catch (IOException e) {
            throw new TransferException("the token server of " + domain + " answered something that is not JSON", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
