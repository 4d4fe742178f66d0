package dev.berth.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"}.
 *
 * @param scheme lower-cased: {@code bearer}, {@code basic}
 * @param parameters names lower-cased, values unquoted
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {

    public AuthChallenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Every challenge in one header value, in order. A header that is not one (garbage, an empty value) gives
     * what could be read before it; callers then fail with the registry's status.
     */
    public static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> challenges = new ArrayList<>();
        Reader reader = new Reader(header);
        while (true) {
            reader.skipSpaceAndCommas();
            String scheme = reader.token();
            if (scheme.isEmpty()) {
                return challenges;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            while (true) {
                reader.skipSpaceAndCommas();
                int mark = reader.position;
                String name = reader.token();
                reader.skipSpace();
                if (name.isEmpty() || !reader.take('=')) {
                    // The next scheme (a token not followed by '='), or the end.
                    reader.position = mark;
                    break;
                }
                reader.skipSpace();
                parameters.put(name.toLowerCase(Locale.ROOT), reader.peek() == '"' ? reader.quoted() : reader.token());
            }
            challenges.add(new AuthChallenge(scheme, parameters));
        }
    }

    private static final class Reader {
        private final String text;
        private int position;

        Reader(String text) {
            this.text = text == null ? "" : text;
        }

        char peek() {
            return position < text.length() ? text.charAt(position) : 0;
        }

        boolean take(char c) {
            if (peek() == c) {
                position++;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        void skipSpaceAndCommas() {
            while (position < text.length() && (Character.isWhitespace(text.charAt(position)) || text.charAt(position) == ',')) {
                position++;
            }
        }

        String token() {
            int start = position;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (Character.isWhitespace(c) || c == ',' || c == '=' || c == '"') {
                    break;
                }
                position++;
            }
            return text.substring(start, position);
        }

        String quoted() {
            position++; // the opening quote
            StringBuilder value = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && position < text.length()) {
                    c = text.charAt(position++);
                }
                value.append(c);
            }
            return value.toString();
        }
    }
}
