package dev.berth.dockerfile.instruction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code --name[=value]} flags of one instruction, checked against what its keyword accepts,
 * with BuildKit's messages: unknown, duplicate, missing value, non-boolean value.
 */
final class ParsedFlags {

    enum Kind { STRING, STRINGS, BOOL }

    /** Flags each keyword accepts; all others accept none. */
    static final Map<String, Map<String, Kind>> ACCEPTED = Map.of(
            "from", Map.of("platform", Kind.STRING),
            "run", Map.of("mount", Kind.STRINGS, "network", Kind.STRING, "security", Kind.STRING),
            "copy", Map.of("from", Kind.STRING, "chown", Kind.STRING, "chmod", Kind.STRING, "link", Kind.BOOL,
                    "parents", Kind.BOOL, "exclude", Kind.STRINGS),
            "add", Map.of("chown", Kind.STRING, "chmod", Kind.STRING, "link", Kind.BOOL, "checksum", Kind.STRING,
                    "keep-git-dir", Kind.BOOL, "exclude", Kind.STRINGS),
            "healthcheck", Map.of("interval", Kind.STRING, "timeout", Kind.STRING, "start-period", Kind.STRING,
                    "start-interval", Kind.STRING, "retries", Kind.STRING));

    private final Map<String, List<String>> values;
    private final Map<String, String> written;

    private ParsedFlags(Map<String, List<String>> values, Map<String, String> written) {
        this.values = values;
        this.written = written;
    }

    /** Parses {@code flags} of an instruction {@code keyword} (lower case); throws {@link RejectedWord}. */
    static ParsedFlags parse(String keyword, List<String> flags) {
        Map<String, Kind> accepted = ACCEPTED.getOrDefault(keyword, Map.of());
        Map<String, List<String>> values = new HashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (String flag : flags) {
            if (!flag.startsWith("--")) {
                throw new RejectedWord(flag, "arg should start with -- : " + flag);
            }
            int equals = flag.indexOf('=');
            String name = (equals < 0 ? flag.substring(2) : flag.substring(2, equals)).toLowerCase(Locale.ROOT);
            Optional<String> value = equals < 0 ? Optional.empty() : Optional.of(flag.substring(equals + 1));
            Kind kind = accepted.get(name);
            if (kind == null) {
                throw new RejectedWord(flag, "unknown flag: --" + name, hintFor(keyword, name, accepted));
            }
            if (values.containsKey(name) && kind != Kind.STRINGS) {
                throw new RejectedWord(flag, "duplicate flag specified: --" + name);
            }
            String text = switch (kind) {
                case BOOL -> {
                    String given = value.orElse("true").toLowerCase(Locale.ROOT);
                    if (!given.equals("true") && !given.equals("false")) {
                        throw new RejectedWord(flag, "expecting boolean value for flag " + name + ", not: " + value.get());
                    }
                    yield given;
                }
                case STRING, STRINGS -> value.orElseThrow(
                        () -> new RejectedWord(flag, "missing a value on flag: --" + name));
            };
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(text);
            written.putIfAbsent(name, flag);
        }
        return new ParsedFlags(values, written);
    }

    Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name)).map(List::getFirst);
    }

    List<String> strings(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    boolean bool(String name) {
        return string(name).map(Boolean::parseBoolean).orElse(false);
    }

    /** The flag as written ({@code --interval=0.5ms}), to point a diagnostic at. */
    String written(String name) {
        return written.getOrDefault(name, "--" + name);
    }

    private static Optional<String> hintFor(String keyword, String name, Map<String, Kind> accepted) {
        String owners = ACCEPTED.entrySet().stream()
                .filter(entry -> entry.getValue().containsKey(name))
                .map(entry -> entry.getKey().toUpperCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(" and "));
        if (!owners.isEmpty()) {
            return Optional.of("--" + name + " is only valid on " + owners + ", not on "
                    + keyword.toUpperCase(Locale.ROOT));
        }
        return NearestName.among(name, accepted.keySet()).map(nearest -> "did you mean --" + nearest + "?");
    }
}
