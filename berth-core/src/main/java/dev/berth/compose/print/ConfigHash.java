package dev.berth.compose.print;

import dev.berth.compose.model.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash Docker Compose 2.26.1 labels a container with ({@code com.docker.compose.config-hash}) and prints for
 * {@code config --hash}: SHA-256 of the service's compact JSON with {@code build} and {@code pull_policy} left
 * out, so rebuilding or changing the pull policy does not by itself recreate the container.
 */
public final class ConfigHash {

    private ConfigHash() {
    }

    public static String of(Node.Mapping service) {
        String json = JsonConfigPrinter.compactService(service.without("build").without("pull_policy"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("the JDK has no SHA-256", impossible);
        }
    }
}
