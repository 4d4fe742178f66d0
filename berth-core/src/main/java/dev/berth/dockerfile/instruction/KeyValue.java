package dev.berth.dockerfile.instruction;

import java.util.Objects;

/** One {@code key=value} of ENV or LABEL, as written (quotes kept until expansion removes them). */
public record KeyValue(String key, String value) {

    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
