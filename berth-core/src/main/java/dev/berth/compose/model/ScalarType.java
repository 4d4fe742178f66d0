package dev.berth.compose.model;

/**
 * The type a scalar resolves to, as Go's yaml.v3 resolves a plain scalar (YAML 1.2 core schema plus Go's
 * base-0 integers, so {@code 0755} is the octal 493), or as a Compose attribute's type casts it.
 */
public enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
}
