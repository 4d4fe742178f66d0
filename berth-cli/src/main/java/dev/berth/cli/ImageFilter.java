package dev.berth.cli;

import dev.berth.api.ImageSummary;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code --filter} values of {@code images}: {@code dangling=true|false} and {@code reference=PATTERN}
 * (Go's {@code path.Match} against {@code repository:tag} and against the repository alone, as Docker's
 * {@code FamiliarMatch}). Several filters must all hold, except several references: any one may match.
 */
final class ImageFilter {

    private ImageFilter() {
    }

    static Predicate<ImageSummary> parse(List<String> filters) {
        Predicate<ImageSummary> dangling = row -> true;
        Predicate<ImageSummary> reference = null;
        for (String filter : filters) {
            int equals = filter.indexOf('=');
            String key = equals < 0 ? filter : filter.substring(0, equals);
            String value = equals < 0 ? "" : filter.substring(equals + 1);
            switch (key) {
                case "dangling" -> {
                    boolean wanted = switch (value.toLowerCase(Locale.ROOT)) {
                        case "true", "1" -> true;
                        case "false", "0" -> false;
                        default -> throw refuse(filter, "invalid filter 'dangling=" + value + "'");
                    };
                    // dockerd's rules: true keeps images without tags, false those with any name (a tag or a
                    // repo digest), so an image with repo digests only is kept by both.
                    dangling = wanted ? ImageSummary::isDangling : ImageSummary::isNamed;
                }
                case "reference" -> {
                    Predicate<ImageSummary> match = matches(value);
                    reference = reference == null ? match : reference.or(match);
                }
                default -> throw refuse(filter, "invalid filter '" + key + "'");
            }
        }
        return reference == null ? dangling : dangling.and(reference);
    }

    /** The positional {@code REPOSITORY[:TAG]} argument of {@code images}. */
    static Predicate<ImageSummary> repository(Optional<String> argument) {
        return argument.<Predicate<ImageSummary>>map(ImageFilter::matches).orElse(row -> true);
    }

    private static Predicate<ImageSummary> matches(String pattern) {
        Pattern regex = Pattern.compile(goPathMatch(pattern));
        return row -> row.repository().isPresent() && (regex.matcher(row.repository().get()).matches()
                || row.tag().map(tag -> regex.matcher(row.repository().get() + ":" + tag).matches()).orElse(false));
    }

    /** Go's {@code path.Match}: {@code *} and {@code ?} never match {@code /}; {@code [...]} classes. */
    static String goPathMatch(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = pattern.indexOf(']', i + 1);
                    if (close < 0) {
                        throw refuse(pattern, "invalid reference pattern: " + pattern);
                    }
                    // Go's class syntax ([abc], [^a-z], backslash escapes) is Java's, minus nesting and &&.
                    String body = pattern.substring(i + 1, close).replace("[", "\\[").replace("&&", "&\\&");
                    regex.append('[').append(body).append(']');
                    i = close;
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static InvalidInputException refuse(String filter, String message) {
        SourceFile source = new SourceFile("--filter", filter);
        return new InvalidInputException(Diagnostic.error(source.name(),
                SourceRange.columns(1, 1, Math.max(2, filter.length() + 1)), message)
                .withHint("supported filters: dangling=true|false, reference=PATTERN"), source);
    }
}
