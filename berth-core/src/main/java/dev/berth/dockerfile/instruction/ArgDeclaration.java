package dev.berth.dockerfile.instruction;

import java.util.Objects;
import java.util.Optional;

/** One name of an ARG instruction with its default, if any ({@code ARG A=1 B} declares two). */
public record ArgDeclaration(String name, Optional<String> defaultValue) {

    public ArgDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("ARG names can not be blank");
        }
    }
}
