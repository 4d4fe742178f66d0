package dev.berth.dockerfile.check;

import dev.berth.image.Platform;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Docker's predefined ARGs. Proxy ARGs may be given as build args without an ARG line; the platform
 * ARGs have values from the build and target platforms, visible in FROM lines and, inside a stage,
 * after {@code ARG NAME}.
 */
public record PredefinedArgs(Map<String, String> platform) {

    /** The proxy ARG names, accepted without declaration. */
    public static final Set<String> PROXIES = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
            "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

    /** Building on and for linux/amd64 (tests and golden files; a build takes the host's, {@link #building}). */
    public static final PredefinedArgs LINUX_AMD64 = building("linux", "amd64", "");

    /** Building on and for {@code platform} (Berth builds for the host only): BUILD* and TARGET* agree. */
    public static PredefinedArgs building(Platform platform) {
        return building(platform.os(), platform.architecture(), platform.variant());
    }

    /** Building on and for one platform, given by its parts. */
    public static PredefinedArgs building(String os, String architecture, String variant) {
        String platform = os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
        return new PredefinedArgs(Map.of(
                "TARGETPLATFORM", platform, "TARGETOS", os, "TARGETARCH", architecture, "TARGETVARIANT", variant,
                "BUILDPLATFORM", platform, "BUILDOS", os, "BUILDARCH", architecture, "BUILDVARIANT", variant));
    }

    /**
     * {@code visible} and, where it has no value of that name, each proxy build arg: proxy settings are visible
     * without an ARG line, as in Docker. In {@code visible}'s order, then the build args'.
     */
    public static Map<String, String> withProxies(Map<String, String> visible, Map<String, String> buildArgs) {
        Map<String, String> seen = new LinkedHashMap<>(visible);
        buildArgs.forEach((name, value) -> {
            if (PROXIES.contains(name)) {
                seen.putIfAbsent(name, value);
            }
        });
        return seen;
    }

    public PredefinedArgs {
        platform = Map.copyOf(platform);
    }

    boolean isPredefined(String name) {
        return PROXIES.contains(name) || platform.containsKey(name);
    }
}
