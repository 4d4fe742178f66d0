package dev.berth.image;

import java.util.Objects;

/**
 * A JSON value Berth does not model, kept as compact JSON text so that reading and writing an image
 * config does not drop fields other tools (or older Docker versions) wrote.
 *
 * @param text one JSON value without insignificant whitespace, as {@link ImageJson} produces it
 */
public record RawJson(String text) {

    public RawJson {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("raw JSON must hold a value");
        }
    }
}
