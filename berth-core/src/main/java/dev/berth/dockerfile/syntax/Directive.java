package dev.berth.dockerfile.syntax;

import java.util.Objects;

/**
 * A parser directive from the top of a Dockerfile ({@code # syntax=...}, {@code # escape=...},
 * {@code # check=...}).
 *
 * @param name the directive's name in lower case
 * @param value its value, surrounding white space removed
 * @param line the 1-based line it was read from
 */
public record Directive(String name, String value, int line) {

    public Directive {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }
}
