package dev.berth.compose.print;

import dev.berth.compose.model.ComposeNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash Docker Compose 2.26.1 labels a container with ({@code com.docker.compose.config-hash}) and prints for
 * {@code config --hash}: SHA-256 of the service's compact JSON with {@code build}, {@code pull_policy},
 * {@code scale} and {@code deploy.replicas} left out, so rebuilding, scaling or changing the pull policy does not by
 * itself recreate a container.
 */
public final class ConfigHash {

    private ConfigHash() {
    }

    public static String of(ComposeNode.Mapping service) {
        String json = hashedJson(service);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("the JDK has no SHA-256", impossible);
        }
    }

    /** The compact JSON the hash is taken over. */
    public static String hashedJson(ComposeNode.Mapping service) {
        ComposeNode.Mapping hashed = service.without("build").without("pull_policy").without("scale");
        if (hashed.mapping("deploy").isPresent()) {
            hashed = hashed.with("deploy", hashed.mapping("deploy").orElseThrow().without("replicas"));
        }
        return JsonConfigPrinter.compactService(hashed);
    }
}
