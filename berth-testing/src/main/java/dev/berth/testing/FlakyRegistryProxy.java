package dev.berth.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy on 127.0.0.1 in front of a registry's pull API (GET and HEAD) that misbehaves on purpose, so the client's
 * retries and resumes are tested against the real registry behind it: the first {@code manifestFailures} manifest
 * requests get 503, the first blob request a 429 with {@code Retry-After: 1}, and the first full download of a blob
 * larger than 64 KiB is cut after half its bytes. Counts what it saw.
 */
public final class FlakyRegistryProxy implements AutoCloseable {

    /** Only layers are cut, not the small config the client fetches first. */
    private static final long CUT_ABOVE = 64 * 1024;
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "transfer-encoding", "date");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI upstream;
    private final AtomicInteger manifestFailures;
    private final AtomicInteger tooManyRequests = new AtomicInteger(1);
    private final AtomicInteger cuts = new AtomicInteger(1);
    public final AtomicInteger rangeRequests = new AtomicInteger();
    public final AtomicInteger requests = new AtomicInteger();

    public FlakyRegistryProxy(URI upstream, int manifestFailures) throws IOException {
        this.upstream = upstream;
        this.manifestFailures = new AtomicInteger(manifestFailures);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().toString();
            if (path.contains("/manifests/") && manifestFailures.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            boolean blob = path.contains("/blobs/sha256:") && exchange.getRequestMethod().equals("GET");
            if (blob && tooManyRequests.getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(upstream.resolve(path))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            for (String name : List.of("Accept", "Range", "Authorization")) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    forward.header(name, value);
                }
            }
            if (exchange.getRequestHeaders().getFirst("Range") != null) {
                rangeRequests.incrementAndGet();
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.statusCode(), head ? -1 : length < 0 ? 0 : length == 0 ? -1 : length);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                if (head) {
                    return;
                }
                if (blob && response.statusCode() == 200 && length > CUT_ABOVE && cuts.getAndDecrement() > 0) {
                    out.write(in.readNBytes((int) (length / 2)));
                    out.flush();
                    // Closing the exchange with bytes missing drops the connection: the client sees a broken stream.
                    throw new IOException("cut on purpose");
                }
                in.transferTo(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
