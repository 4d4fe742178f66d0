package dev.berth.registry;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a reference's registry answers. The reference's domain names it as Docker does: {@code docker.io} (every
 * name without a registry part, {@code alpine} included) is served by {@code registry-1.docker.io}; any other domain
 * is the host itself. HTTPS unless the host is loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}: Docker
 * treats those as insecure too) without a {@code certs.d} directory of its own, or listed as insecure in Berth's
 * registry configuration.
 *
 * @param domain the reference's registry part, {@code docker.io} or {@code host[:port]}: the key of credentials and
 *     of {@code certs.d}
 * @param base {@code https://registry-1.docker.io}, {@code http://127.0.0.1:5000}
 */
public record RegistryEndpoint(String domain, URI base) {

    /** The domain of references without a registry part. */
    public static final String DOCKER_HUB = "docker.io";
    /** The host that serves {@link #DOCKER_HUB}'s distribution API. */
    public static final String DOCKER_HUB_HOST = "registry-1.docker.io";

    public RegistryEndpoint {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(base, "base");
    }

    /** The endpoint for a reference's domain under {@code config}'s insecure list. */
    public static RegistryEndpoint of(String domain, RegistryConfig config) {
        String host = canonicalDomain(domain).equals(DOCKER_HUB) ? DOCKER_HUB_HOST : domain;
        // A loopback registry with a certs.d directory of its own speaks TLS (a test registry with its own CA).
        boolean plain = (isLoopback(domain) && !config.hasCertificates(domain)) || config.isInsecure(domain);
        return new RegistryEndpoint(canonicalDomain(domain), URI.create((plain ? "http://" : "https://") + host));
    }

    /** {@code index.docker.io} and {@code registry-1.docker.io} are spelled {@code docker.io}, as the reference parser does. */
    static String canonicalDomain(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> DOCKER_HUB;
            default -> lower;
        };
    }

    /** True for {@code localhost}, {@code 127.x.y.z} and {@code [::1]}, with or without a port. */
    public static boolean isLoopback(String domain) {
        String host = hostOf(domain);
        return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
    }

    /** The host without port or IPv6 brackets. */
    static String hostOf(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            int close = lower.indexOf(']');
            return close < 0 ? lower : lower.substring(1, close);
        }
        int colon = lower.lastIndexOf(':');
        return colon < 0 ? lower : lower.substring(0, colon);
    }

    public boolean isPlainHttp() {
        return base.getScheme().equals("http");
    }

    /** {@code /v2/NAME/SUFFIX} resolved against the base. */
    URI resolve(String path) {
        return base.resolve(path);
    }
}
