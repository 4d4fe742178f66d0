package dev.berth.registry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One request to a registry, replayable: the body is a supplier so a retry, a redirect or an answered challenge
 * sends it again from the start.
 *
 * @param what what the request does, for errors: {@code pulling 127.0.0.1:5000/app:1}
 */
record RegistryCall(String method, URI uri, Map<String, String> headers, Optional<Supplier<HttpRequest.BodyPublisher>> body,
        String what) {

    RegistryCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(what, "what");
    }

    static RegistryCall get(URI uri, Map<String, String> headers, String what) {
        return new RegistryCall("GET", uri, headers, Optional.empty(), what);
    }

    static RegistryCall head(URI uri, Map<String, String> headers, String what) {
        return new RegistryCall("HEAD", uri, headers, Optional.empty(), what);
    }

    static RegistryCall send(String method, URI uri, Map<String, String> headers, Supplier<HttpRequest.BodyPublisher> body,
            String what) {
        return new RegistryCall(method, uri, headers, Optional.of(body), what);
    }

    RegistryCall redirectedTo(URI location) {
        String next = method.equals("HEAD") ? "HEAD" : "GET";
        return new RegistryCall(next, location, headers, Optional.empty(), what);
    }
}
