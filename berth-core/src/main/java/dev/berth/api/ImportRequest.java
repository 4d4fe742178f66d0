package dev.berth.api;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth import}: a root filesystem tarball (plain, gzip, bzip2, xz or zstd) made into a one-layer image;
 * made with {@link #tarball} or {@link #url}.
 *
 * @param reference the name to give the image, none when empty
 * @param changes   Dockerfile instructions applied to the config (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD,
 *                  STOPSIGNAL, USER, VOLUME, WORKDIR)
 * @param message   the history and config comment; Docker's {@code Imported from SOURCE} unless given
 */
public record ImportRequest(Source source, Optional<String> reference, List<String> changes, String message) {

    public ImportRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        changes = List.copyOf(changes);
        Objects.requireNonNull(message, "message");
    }

    /** An import of the tarball {@code in} gives; the caller closes it. */
    public static Builder tarball(InputStream in) {
        return new Builder(new Source.Tarball(in));
    }

    /**
     * An import of the tarball downloaded from {@code url}, following redirects, as {@code docker import URL} does.
     *
     * @throws IllegalArgumentException unless the URL is http or https
     */
    public static Builder url(URI url) {
        return new Builder(new Source.Url(url));
    }

    /** Where the tarball comes from. */
    public sealed interface Source {

        /** A stream, read to its end and not closed (Docker's message calls a file or standard input {@code -}). */
        record Tarball(InputStream in) implements Source {

            public Tarball {
                Objects.requireNonNull(in, "in");
            }
        }

        /** An http or https URL. */
        record Url(URI url) implements Source {

            public Url {
                Objects.requireNonNull(url, "url");
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                    throw new IllegalArgumentException("import downloads http and https URLs only, not " + url);
                }
            }
        }
    }

    /** Sets an import's fields one by one; not thread-safe. */
    public static final class Builder {

        private final Source source;
        private Optional<String> reference = Optional.empty();
        private List<String> changes = List.of();
        private Optional<String> message = Optional.empty();

        private Builder(Source source) {
            this.source = source;
        }

        public Builder reference(String value) {
            reference = Optional.of(value);
            return this;
        }

        public Builder changes(List<String> value) {
            changes = value;
            return this;
        }

        public Builder message(String value) {
            message = Optional.of(value);
            return this;
        }

        public ImportRequest build() {
            // Docker sends a file's bytes as the request body, so its message says "-" for files too.
            String comment = message.orElseGet(() -> "Imported from " + switch (source) {
                case Source.Tarball _ -> "-";
                case Source.Url(URI url) -> url.toString();
            });
            return new ImportRequest(source, reference, changes, comment);
        }
    }
}
