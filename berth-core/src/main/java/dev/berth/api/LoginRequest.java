package dev.berth.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth login}; made with {@link #builder}. {@link #toString()} hides the password.
 *
 * @param registry {@code host[:port]}; Docker Hub when empty
 */
public record LoginRequest(Optional<String> registry, String username, String password) {

    public LoginRequest {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("a login needs a user name and a password");
        }
    }

    public static Builder builder(String username, String password) {
        return new Builder(username, password);
    }

    @Override
    public String toString() {
        return "LoginRequest[registry=" + registry + ", username=" + username + ", password=<redacted>]";
    }

    /** Sets the fields one by one; not thread-safe. */
    public static final class Builder {
        private final String username;
        private final String password;
        private Optional<String> registry = Optional.empty();

        private Builder(String username, String password) {
            this.username = username;
            this.password = password;
        }

        public Builder registry(String value) {
            registry = Optional.of(value);
            return this;
        }

        public LoginRequest build() {
            return new LoginRequest(registry, username, password);
        }
    }
}
