package dev.berth.registry;

import dev.berth.error.BerthException;
import dev.berth.error.NotFoundException;
import dev.berth.error.TransferException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP to registries on the JDK's client: one client per registry (its own TLS context from {@code certs.d}),
 * HTTP/1.1 (parallel blobs on parallel connections), redirects followed by hand so that the registry's
 * {@code Authorization} never goes to the storage host a blob redirects to, the {@code WWW-Authenticate} challenge
 * met by {@link RegistryAuth}, and transient failures retried under the {@link RetryPolicy}. Thread-safe.
 */
public final class RegistryTransport implements AutoCloseable {

    private static final int MAX_REDIRECTS = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final RegistryConfig config;
    private final CredentialStore credentials;
    private final RetryPolicy retry;
    private final Clock clock;
    private final RegistryAuth auth;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public RegistryTransport(RegistryConfig config, CredentialStore credentials, RetryPolicy retry, Clock clock) {
        this.config = config;
        this.credentials = credentials;
        this.retry = retry;
        this.clock = clock;
        this.auth = new RegistryAuth(credentials::find, clock);
    }

    public RegistryEndpoint endpoint(String domain) {
        return RegistryEndpoint.of(domain, config);
    }

    /**
     * The mirrors to try before {@code domain}'s own registry: Berth's {@code registry-mirrors} for Docker Hub, as
     * dockerd uses them; none for any other registry. Each is its own registry for credentials and {@code certs.d}.
     */
    List<RegistryEndpoint> mirrors(String domain) {
        if (!RegistryEndpoint.canonicalDomain(domain).equals(RegistryEndpoint.DOCKER_HUB)) {
            return List.of();
        }
        return config.mirrors().stream().map(URI::create).map(uri -> new RegistryEndpoint(
                uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort(),
                URI.create(uri.getScheme() + "://" + uri.getAuthority()))).toList();
    }

    public CredentialStore credentials() {
        return credentials;
    }

    /**
     * Sends {@code call} with what {@code scope} needs, answering one challenge, following redirects and retrying
     * transient failures; gives the final response whatever its status (the caller closes its body).
     *
     * @param given credentials to use instead of the stored ones ({@code berth login} checking new ones)
     */
    HttpResponse<InputStream> send(RegistryEndpoint endpoint, String scope, RegistryCall call,
            Optional<RegistryCredentials> given) {
        HttpClient client = client(endpoint);
        Duration waited = Duration.ZERO;
        int attempt = 0;
        boolean answered = false;
        RegistryCall current = call;
        int redirects = 0;
        while (true) {
            attempt++;
            boolean sameHost = sameServer(current.uri(), endpoint.base());
            Optional<String> header = sameHost ? auth.header(endpoint.domain(), scope) : Optional.empty();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request(current, header), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                Optional<Duration> delay = retry.delay(attempt, waited, Optional.empty());
                if (delay.isEmpty()) {
                    throw new TransferException(call.what() + ": " + endpoint.domain() + " could not be reached after "
                            + attempt + (attempt == 1 ? " try: " : " tries: ") + describe(e), e);
                }
                waited = waited.plus(delay.get());
                sleep(delay.get(), call);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferException(call.what() + ": interrupted", e);
            }
            int status = response.statusCode();
            if (REDIRECTS.contains(status) && response.headers().firstValue("Location").isPresent()
                    && redirects < MAX_REDIRECTS) {
                discard(response);
                redirects++;
                attempt--;
                current = current.redirectedTo(current.uri().resolve(response.headers().firstValue("Location").get()));
                continue;
            }
            if (status == 401 && sameHost && !answered) {
                List<AuthChallenge> challenges = response.headers().allValues("WWW-Authenticate").stream()
                        .flatMap(value -> AuthChallenge.parse(value).stream()).toList();
                auth.forget(endpoint.domain(), scope);
                answered = true;
                attempt--;
                Optional<String> answer;
                try {
                    answer = auth.answer(client, endpoint.domain(), scope, scopeWithChallenge(scope, challenges),
                            challenges, given);
                } catch (RuntimeException tokenRefused) {
                    discardQuietly(response);
                    throw tokenRefused;
                }
                if (answer.isPresent()) {
                    discardQuietly(response);
                    continue;
                }
                // Nothing to answer with: the 401 itself, its body unread, is what the caller reports.
                return response;
            }
            if (RetryPolicy.isTransient(status)) {
                Optional<Duration> delay = retry.delay(attempt, waited,
                        RetryPolicy.retryAfter(response.headers().firstValue("Retry-After"), clock.instant()));
                if (delay.isPresent()) {
                    discardQuietly(response);
                    waited = waited.plus(delay.get());
                    sleep(delay.get(), call);
                    continue;
                }
            }
            return response;
        }
    }

    /** The request's scopes, and any the registry's challenge names besides (a mount's source repository). */
    static String scopeWithChallenge(String scope, List<AuthChallenge> challenges) {
        StringBuilder all = new StringBuilder(scope);
        for (AuthChallenge challenge : challenges) {
            for (String asked : challenge.parameter("scope").orElse("").split(" ")) {
                if (!asked.isEmpty() && !List.of(all.toString().split(" ")).contains(asked)) {
                    all.append(all.isEmpty() ? "" : " ").append(asked);
                }
            }
        }
        return all.toString();
    }

    private static HttpRequest request(RegistryCall call, Optional<String> authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.uri()).timeout(HEADERS_TIMEOUT)
                .header("User-Agent", "berth");
        call.headers().forEach(builder::header);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        builder.method(call.method(), call.body().map(java.util.function.Supplier::get)
                .orElse(HttpRequest.BodyPublishers.noBody()));
        return builder.build();
    }

    private HttpClient client(RegistryEndpoint endpoint) {
        return clients.computeIfAbsent(endpoint.domain(), domain -> {
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
            if (!endpoint.isPlainHttp()) {
                builder.sslContext(TrustMaterial.context(config.certificates(domain), domain));
            }
            return builder.build();
        });
    }

    private static boolean sameServer(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static void sleep(Duration delay, RegistryCall call) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(call.what() + ": interrupted", e);
        }
    }

    static void discard(HttpResponse<InputStream> response) {
        discardQuietly(response);
    }

    static void discardQuietly(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.readNBytes(64 * 1024);
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }

    /**
     * The failure a non-success response stands for: the registry's own error code and message, the status, and
     * {@code what} (which names the reference). Not found ({@code 404}, {@code *_UNKNOWN}) is a
     * {@link NotFoundException}; everything else a {@link TransferException}.
     */
    static BerthException refused(HttpResponse<InputStream> response, RegistryEndpoint endpoint, String what) {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            body = new byte[0];
        }
        RegistryErrorBody errors = RegistryErrorBody.parse(body);
        int status = response.statusCode();
        String message = what + ": " + endpoint.domain() + " answered " + statusText(status)
                + errors.describe().map(text -> ": " + text).orElse("");
        if (status == 401) {
            return new TransferException(message + "; check the credentials for " + endpoint.domain()
                    + " (berth login " + endpoint.domain() + ")");
        }
        if (status == 404 || errors.errors().stream().anyMatch(e -> e.code().endsWith("_UNKNOWN"))) {
            return new NotFoundException(message);
        }
        return new TransferException(message);
    }

    static String statusText(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 416 -> "Range Not Satisfiable";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return reason.isEmpty() ? String.valueOf(status) : status + " " + reason;
    }

    static String describe(IOException e) {
        return switch (e) {
            case ConnectException _ -> "connection refused";
            case HttpTimeoutException _ -> "timed out";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    @Override
    public void close() {
        clients.values().forEach(HttpClient::close);
    }
}
