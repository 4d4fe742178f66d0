package dev.berth.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and a secret (a password, or an identity token when the user is {@code <token>}, as Docker's
 * credential helpers give it). {@link #toString()} never shows the secret: credentials end up in exceptions'
 * and debuggers' text.
 */
public record RegistryCredentials(String username, String secret) {

    /** The user name credential helpers give with an identity (refresh) token instead of a password. */
    public static final String IDENTITY_TOKEN_USER = "<token>";

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
    }

    public boolean isIdentityToken() {
        return username.equals(IDENTITY_TOKEN_USER);
    }

    /** {@code Basic base64(user:secret)}. */
    public String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the {@code auth} member of Docker's {@code config.json}: base64 of {@code user:password}. */
    static RegistryCredentials fromAuthField(String auth, String source) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the auth entry in " + source + " is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("the auth entry in " + source + " has no user:password");
        }
        return new RegistryCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    String authField() {
        return Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", secret=<redacted>]";
    }
}
