package dev.berth.engine.copy;

import dev.berth.error.StepInputException;
import dev.berth.error.TransferException;
import dev.berth.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code ADD <url>}: downloads an http(s) source into the build's work directory, hashing it on the way,
 * and checks {@code --checksum} when given. A URL source is never extracted, as in Docker; its file name is
 * the last path segment ({@code __unnamed__} when there is none) and its time the {@code Last-Modified} header.
 */
public final class UrlFetcher {

    /** A downloaded URL. */
    public record Download(Path file, Digest digest, long size, String name, Instant modified) {}

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    public static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    public Download fetch(String url, Optional<String> checksum, Path directory) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new StepInputException("invalid URL " + url + ": " + e.getMessage());
        }
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "add-", ".download");
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha = Digest.newSha256();
            long size = 0;
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
                if (response.statusCode() != 200) {
                    throw new TransferException("fetching " + url + " for ADD: HTTP " + response.statusCode());
                }
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; size += n) {
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Digest digest = Digest.sha256(sha);
            if (checksum.isPresent() && !checksum.get().equals(digest.toString())) {
                throw new StepInputException("checksum mismatch for " + url + ": expected " + checksum.get()
                        + ", got " + digest, Optional.of("update --checksum if the file changed on purpose"));
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            Instant modified = response.headers().firstValue("Last-Modified")
                    .map(value -> ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .orElse(Instant.EPOCH);
            return new Download(file, digest, size, name.isEmpty() ? "__unnamed__" : name, modified);
        } catch (IOException e) {
            throw new TransferException("fetching " + url + " for ADD: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException("fetching " + url + " for ADD: interrupted", e);
        }
    }
}
