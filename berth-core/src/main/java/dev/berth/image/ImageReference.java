package dev.berth.image;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A normalized image reference, {@code domain/path[:tag][@digest]}, parsed as Docker parses the image
 * argument of {@code docker pull} ({@code ParseNormalizedNamed}): a first component with a {@code .}, a
 * {@code :} or upper-case letters, or {@code localhost}, is the registry; otherwise the registry is
 * {@code docker.io}, where a one-component name gets {@code library/}. So {@code busybox} is
 * {@code docker.io/library/busybox}; {@link #familiar()} gives the short form back.
 *
 * @param domain the registry host, with {@code :port} if given, e.g. {@code docker.io}, {@code localhost:5000}
 * @param path the repository path, lower-case, e.g. {@code library/busybox}
 * @param tag the tag, when given
 * @param digest the digest, when given (a reference may carry both, as Docker allows)
 */
public record ImageReference(String domain, String path, Optional<String> tag, Optional<Digest> digest) {

    public ImageReference {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        String name = domain + "/" + path;
        boolean valid = ReferenceGrammar.DOMAIN.matcher(domain).matches()
                && ReferenceGrammar.REPOSITORY_PATH.matcher(path).matches()
                && tag.map(t -> ReferenceGrammar.TAG_PATTERN.matcher(t).matches()).orElse(true);
        if (!valid) {
            throw new InvalidReferenceException(name + tag.map(t -> ":" + t).orElse(""),
                    "invalid reference format", Optional.empty());
        }
        if (name.length() > ReferenceGrammar.NAME_MAX_LENGTH) {
            throw new InvalidReferenceException(name, ReferenceParser.TOO_LONG, Optional.empty());
        }
    }

    /**
     * Parses a reference the way the Docker CLI does.
     *
     * @throws InvalidReferenceException with Docker's message when {@code text} is not a reference
     */
    public static ImageReference parse(String text) {
        return ReferenceParser.parse(text);
    }

    /** {@code domain/path}, e.g. {@code docker.io/library/busybox}. */
    public String name() {
        return domain + "/" + path;
    }

    /** The name as Docker shows it: {@code busybox}, {@code user/app}, {@code localhost:5000/app}. */
    public String familiarName() {
        if (!domain.equals(ReferenceGrammar.DEFAULT_DOMAIN)) {
            return name();
        }
        if (path.startsWith(ReferenceGrammar.OFFICIAL_PREFIX)) {
            String rest = path.substring(ReferenceGrammar.OFFICIAL_PREFIX.length());
            if (rest.indexOf('/') < 0) {
                return rest;
            }
        }
        return path;
    }

    /** The short form Docker prints: {@code busybox:latest}, {@code user/app@sha256:...}. */
    public String familiar() {
        return familiarName() + suffix();
    }

    /** This reference with the tag {@code latest} when it has neither tag nor digest, as {@code docker pull} does. */
    public ImageReference withDefaultTag() {
        return tag.isEmpty() && digest.isEmpty() ? withTag("latest") : this;
    }

    public ImageReference withTag(String value) {
        return new ImageReference(domain, path, Optional.of(value), digest);
    }

    public ImageReference withDigest(Digest value) {
        return new ImageReference(domain, path, tag, Optional.of(value));
    }

    /** The fully qualified form: {@code docker.io/library/busybox:latest}. */
    @Override
    public String toString() {
        return name() + suffix();
    }

    private String suffix() {
        return tag.map(t -> ":" + t).orElse("") + digest.map(d -> "@" + d).orElse("");
    }

    /** Implements {@link #parse}: Docker's domain split, then its grammar, then digest validation. */
    private static final class ReferenceParser {

        static final String TOO_LONG = "invalid reference format: repository name must not be more than "
                + ReferenceGrammar.NAME_MAX_LENGTH + " characters";

        static ImageReference parse(String text) {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                throw invalid(text, "invalid reference format: repository name must have at least one component");
            }
            if (ReferenceGrammar.IMAGE_ID.matcher(text).matches()) {
                throw invalid(text, "invalid repository name (" + text
                        + "), cannot specify 64-byte hexadecimal strings");
            }
            String domain = ReferenceGrammar.DEFAULT_DOMAIN;
            String remainder = text;
            int slash = text.indexOf('/');
            if (slash >= 0) {
                String first = text.substring(0, slash);
                boolean isDomain = first.contains(".") || first.contains(":") || first.equals("localhost")
                        || !first.toLowerCase(Locale.ROOT).equals(first);
                if (isDomain) {
                    boolean legacy = first.equals(ReferenceGrammar.LEGACY_DEFAULT_DOMAIN);
                    domain = legacy ? ReferenceGrammar.DEFAULT_DOMAIN : first;
                    remainder = text.substring(slash + 1);
                }
            }
            if (domain.equals(ReferenceGrammar.DEFAULT_DOMAIN) && remainder.indexOf('/') < 0) {
                remainder = ReferenceGrammar.OFFICIAL_PREFIX + remainder;
            }
            int colon = remainder.indexOf(':');
            String remoteName = colon >= 0 ? remainder.substring(0, colon) : remainder;
            if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
                throw new InvalidReferenceException(text, "invalid reference format: repository name must be lowercase",
                        Optional.of("write \"" + lowerCaseName(text, remoteName) + "\""));
            }
            String normalized = domain + "/" + remainder;
            Matcher match = ReferenceGrammar.REFERENCE.matcher(normalized);
            if (!match.matches()) {
                throw invalid(text, "invalid reference format");
            }
            if (match.group(1).length() + 1 + match.group(2).length() > ReferenceGrammar.NAME_MAX_LENGTH) {
                throw invalid(text, TOO_LONG);
            }
            Optional<Digest> digest = Optional.ofNullable(match.group(4)).map(value -> digest(text, value));
            return new ImageReference(match.group(1), match.group(2), Optional.ofNullable(match.group(3)), digest);
        }

        /** Validates a digest as go-digest does, with its messages. */
        private static Digest digest(String text, String value) {
            int colon = value.indexOf(':');
            String algorithm = value.substring(0, colon);
            String hex = value.substring(colon + 1);
            int expected = switch (algorithm) {
                case "sha256" -> 64;
                case "sha512" -> 128;
                default -> throw invalid(text, "invalid reference format: unsupported digest algorithm");
            };
            if (hex.length() != expected) {
                throw invalid(text, "invalid reference format: invalid checksum digest length");
            }
            if (!hex.toLowerCase(Locale.ROOT).equals(hex)) {
                throw invalid(text, "invalid reference format: invalid checksum digest format");
            }
            return new Digest(algorithm, hex);
        }

        private static String lowerCaseName(String text, String remoteName) {
            int at = text.lastIndexOf(remoteName);
            return at < 0 ? text.toLowerCase(Locale.ROOT)
                    : text.substring(0, at) + remoteName.toLowerCase(Locale.ROOT)
                            + text.substring(at + remoteName.length());
        }

        private static InvalidReferenceException invalid(String text, String message) {
            return new InvalidReferenceException(text, message, Optional.empty());
        }
    }
}
