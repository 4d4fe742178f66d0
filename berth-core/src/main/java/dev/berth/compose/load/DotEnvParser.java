package dev.berth.compose.load;

import dev.berth.compose.model.NodePosition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@code .env} or {@code env_file} as Compose reads it: {@code KEY=VALUE} lines, an optional {@code export},
 * {@code #} comments (after a blank in an unquoted value), single quotes taken as written, double quotes with
 * {@code \n}, {@code \t}, {@code \\}, {@code \"} escapes; unquoted and double-quoted values are interpolated with
 * the variables before them, then the given ones. A line {@code KEY} alone takes the variable from {@code lookup},
 * and is left out when it is unset.
 */
final class DotEnvParser {

    private DotEnvParser() {
    }

    static Map<String, String> parse(String file, String text, Function<String, Optional<String>> lookup) {
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).stripLeading();
            }
            NodePosition at = new NodePosition(file, index + 1, 1);
            int equals = line.indexOf('=');
            if (equals < 0) {
                String key = line;
                checkKey(key, at);
                Optional<String> inherited = Optional.ofNullable(values.get(key)).or(() -> lookup.apply(key));
                inherited.ifPresent(value -> values.put(key, value));
                continue;
            }
            String key = line.substring(0, equals).strip();
            checkKey(key, at);
            String raw = line.substring(equals + 1).stripLeading();
            Function<String, Optional<String>> scope =
                    name -> Optional.ofNullable(values.get(name)).or(() -> lookup.apply(name));
            values.put(key, value(raw, scope, at));
        }
        return values;
    }

    private static String value(String raw, Function<String, Optional<String>> scope, NodePosition at) {
        if (raw.startsWith("'")) {
            int close = raw.indexOf('\'', 1);
            if (close < 0) {
                throw ComposeErrors.at(at, "unterminated quoted value");
            }
            return raw.substring(1, close);
        }
        if (raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            int i = 1;
            for (; i < raw.length() && raw.charAt(i) != '"'; i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    char escaped = raw.charAt(++i);
                    out.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> escaped;
                    });
                } else {
                    out.append(c);
                }
            }
            if (i >= raw.length()) {
                throw ComposeErrors.at(at, "unterminated quoted value");
            }
            return interpolate(out.toString(), scope, at);
        }
        int comment = raw.indexOf(" #");
        String value = (comment >= 0 ? raw.substring(0, comment) : raw).strip();
        return interpolate(value, scope, at);
    }

    private static String interpolate(String value, Function<String, Optional<String>> scope, NodePosition at) {
        try {
            return new Interpolation(scope, new java.util.ArrayList<>()).expand(value);
        } catch (Interpolation.Failure failure) {
            throw ComposeErrors.at(at, failure.getMessage());
        }
    }

    private static void checkKey(String key, NodePosition at) {
        if (key.isEmpty() || key.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
            throw ComposeErrors.at(at, "invalid variable name \"" + key + "\"");
        }
    }

}
