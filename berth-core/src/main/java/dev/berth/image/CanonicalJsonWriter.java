package dev.berth.image;

import dev.berth.golang.GoJsonText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Writes compact JSON byte for byte as Go's {@code encoding/json} does: no whitespace, HTML-safe escapes
 * ({@code <}, {@code >}, {@code &} as {@code \u003c} ...), lower-case hex, U+2028/U+2029 escaped, and map
 * keys sorted by their UTF-8 bytes. Matching Go matters because an image's ID is the digest of these bytes.
 */
final class CanonicalJsonWriter {

    private final StringBuilder out = new StringBuilder(256);
    /** One entry per open object or array: whether it has no member yet. */
    private final Deque<Boolean> empty = new ArrayDeque<>();
    /** True between a member name and its value, where no comma belongs. */
    private boolean afterName;

    CanonicalJsonWriter beginObject() {
        separate();
        out.append('{');
        empty.push(true);
        return this;
    }

    CanonicalJsonWriter endObject() {
        empty.pop();
        out.append('}');
        return this;
    }

    CanonicalJsonWriter beginArray() {
        separate();
        out.append('[');
        empty.push(true);
        return this;
    }

    CanonicalJsonWriter endArray() {
        empty.pop();
        out.append(']');
        return this;
    }

    /** Writes a member name; the next value call writes its value. */
    CanonicalJsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    CanonicalJsonWriter value(String text) {
        separate();
        quote(text);
        return this;
    }

    CanonicalJsonWriter value(long number) {
        separate();
        out.append(number);
        return this;
    }

    CanonicalJsonWriter value(boolean flag) {
        separate();
        out.append(flag);
        return this;
    }

    CanonicalJsonWriter raw(RawJson json) {
        separate();
        out.append(json.text());
        return this;
    }

    CanonicalJsonWriter stringArray(Collection<String> values) {
        beginArray();
        values.forEach(this::value);
        return endArray();
    }

    /** A Go {@code map[string]struct{}}: sorted keys, each with an empty object. */
    CanonicalJsonWriter emptyObjectSet(Collection<String> keys) {
        beginObject();
        keys.stream().sorted(GoJsonText.MAP_KEY_ORDER).forEach(key -> name(key).beginObject().endObject());
        return endObject();
    }

    /** A Go {@code map[string]string}: sorted keys. */
    CanonicalJsonWriter stringMap(Map<String, String> map) {
        beginObject();
        List<String> keys = map.keySet().stream().sorted(GoJsonText.MAP_KEY_ORDER).toList();
        keys.forEach(key -> name(key).value(map.get(key)));
        return endObject();
    }

    String text() {
        if (!empty.isEmpty() || afterName) {
            throw new IllegalStateException("unbalanced JSON: " + empty.size() + " open");
        }
        return out.toString();
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    private void separate() {
        if (afterName) {
            afterName = false;
        } else if (!empty.isEmpty()) {
            if (empty.pop()) {
                empty.push(false);
            } else {
                empty.push(false);
                out.append(',');
            }
        }
    }

    private void quote(String text) {
        GoJsonText.appendQuoted(text, out);
    }
}
