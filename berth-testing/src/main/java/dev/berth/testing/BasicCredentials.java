package dev.berth.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and password that a {@link LocalRegistry} with basic auth accepts.
 *
 * @param username the user (no colon)
 * @param password the password
 */
public record BasicCredentials(String username, String password) {

    public BasicCredentials {
        if (username == null || username.isEmpty() || username.contains(":")) {
            throw new IllegalArgumentException("a basic-auth user name must be non-empty and have no colon: " + username);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a basic-auth password must be non-empty");
        }
    }

    /** The value of an {@code Authorization} header carrying these credentials. */
    public String authorizationHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
