package dev.berth.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth scan}; made with {@link #builder}.
 *
 * @param database    a directory of OSV JSON files and osv.dev {@code all.zip} files, or one such file
 * @param severities  {@code --severity}: the ratings to report ({@code LOW}, {@code MEDIUM}, {@code HIGH},
 *                    {@code CRITICAL}, {@code UNKNOWN}); all when empty
 * @param ignoreFile  {@code --ignore-file}: ids one a line, or an OpenVEX document
 * @param staleAfter  a database whose newest record is older than this gets a warning
 */
public record ScanRequest(String image, Path database, Format format, List<String> severities, boolean ignoreUnfixed,
        Optional<Path> ignoreFile, Duration staleAfter) {

    /** The report's form. */
    public enum Format {
        TABLE, JSON, SARIF;

        /** The format {@code --format} names: {@code table}, {@code json}, {@code sarif}. */
        public static Optional<Format> named(String name) {
            try {
                return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public ScanRequest {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(format, "format");
        severities = List.copyOf(severities);
        Objects.requireNonNull(ignoreFile, "ignoreFile");
        Objects.requireNonNull(staleAfter, "staleAfter");
    }

    public static Builder builder(String image, Path database) {
        return new Builder(image, database);
    }

    /** Sets the fields one by one; not thread-safe. Defaults: a table, every severity, stale after 7 days. */
    public static final class Builder {
        private final String image;
        private final Path database;
        private Format format = Format.TABLE;
        private List<String> severities = List.of();
        private boolean ignoreUnfixed;
        private Optional<Path> ignoreFile = Optional.empty();
        private Duration staleAfter = Duration.ofDays(7);

        private Builder(String image, Path database) {
            this.image = image;
            this.database = database;
        }

        public Builder format(Format value) {
            format = value;
            return this;
        }

        public Builder severities(List<String> value) {
            severities = value;
            return this;
        }

        public Builder ignoreUnfixed(boolean value) {
            ignoreUnfixed = value;
            return this;
        }

        public Builder ignoreFile(Path value) {
            ignoreFile = Optional.of(value);
            return this;
        }

        public Builder staleAfter(Duration value) {
            staleAfter = value;
            return this;
        }

        public ScanRequest build() {
            return new ScanRequest(image, database, format, severities, ignoreUnfixed, ignoreFile, staleAfter);
        }
    }
}
