package dev.berth.dockerfile.instruction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Parses the value of one {@code RUN --mount=} flag ({@code type=cache,target=/root/.m2,sharing=locked})
 * into a {@link Mount}, with BuildKit's defaults and its rules on which keys each type takes.
 */
final class MountParser {

    private static final List<String> TYPES = List.of("bind", "cache", "tmpfs", "secret", "ssh");
    private static final List<String> KEYS = List.of("type", "from", "source", "src", "target", "dst",
            "destination", "readonly", "ro", "readwrite", "rw", "required", "id", "sharing", "mode", "uid", "gid",
            "env", "size");
    private static final Set<String> FLAG_KEYS = Set.of("readonly", "ro", "readwrite", "rw", "required");

    private final String flag;
    private String type = "bind";
    private String target = "";
    private String source = "";
    private String from = "";
    private String id = "";
    private String sharing = "";
    private String env = "";
    private Boolean readOnly;
    private boolean required;
    private OptionalLong mode = OptionalLong.empty();
    private long uid;
    private long gid;
    private OptionalLong size = OptionalLong.empty();

    private MountParser(String flag) {
        this.flag = flag;
    }

    /** {@code flag} is the whole flag as written, for diagnostics; {@code value} what follows {@code =}. */
    static Mount parse(String flag, String value) {
        return new MountParser(flag).read(value);
    }

    private Mount read(String value) {
        List<String> fields = List.of(value.split(",", -1));
        for (String field : fields) {
            if (field.toLowerCase(Locale.ROOT).startsWith("type=")) {
                type = field.substring(5).toLowerCase(Locale.ROOT);
                if (!TYPES.contains(type)) {
                    throw new RejectedWord(flag, "unsupported mount type \"" + field.substring(5) + "\"",
                            NearestName.among(type, TYPES).map(name -> "did you mean " + name + "?"));
                }
            }
        }
        for (String field : fields) {
            if (!field.isEmpty()) {
                field(field);
            }
        }
        return build();
    }

    private void field(String field) {
        int equals = field.indexOf('=');
        String key = (equals < 0 ? field : field.substring(0, equals)).toLowerCase(Locale.ROOT);
        String value = equals < 0 ? "true" : field.substring(equals + 1);
        if (equals < 0 && !FLAG_KEYS.contains(key)) {
            throw new RejectedWord(flag, "invalid field '" + field + "' must be a key=value pair");
        }
        switch (key) {
            case "type" -> { }
            case "from" -> from = value;
            case "source", "src" -> source = value;
            case "target", "dst", "destination" -> target = value;
            case "readonly", "ro" -> readOnly = bool(key, value);
            case "readwrite", "rw" -> readOnly = !bool(key, value);
            case "required" -> required = only(key, Set.of("secret", "ssh")) && bool(key, value);
            case "id" -> id = value;
            case "sharing" -> {
                only(key, Set.of("cache"));
                if (!Set.of("shared", "private", "locked").contains(value.toLowerCase(Locale.ROOT))) {
                    throw new RejectedWord(flag, "unsupported sharing value \"" + value + "\"");
                }
                sharing = value.toLowerCase(Locale.ROOT);
            }
            case "mode" -> mode = OptionalLong.of(number(key, value, 8));
            case "uid" -> uid = number(key, value, 10);
            case "gid" -> gid = number(key, value, 10);
            case "env" -> env = only(key, Set.of("secret")) ? value : "";
            case "size" -> size = only(key, Set.of("tmpfs")) ? OptionalLong.of(bytes(value)) : OptionalLong.empty();
            default -> throw new RejectedWord(flag, "unexpected key '" + key + "' in '" + field + "'",
                    NearestName.among(key, KEYS).map(name -> "did you mean " + name + "?"));
        }
    }

    private Mount build() {
        Optional<String> maybeTarget = target.isEmpty() ? Optional.empty() : Optional.of(target);
        Optional<String> maybeFrom = from.isEmpty() ? Optional.empty() : Optional.of(from);
        if (!from.isEmpty() && Set.of("tmpfs", "secret", "ssh").contains(type)) {
            throw new RejectedWord(flag, "'from' is not supported for " + type + " mounts");
        }
        if (target.isEmpty() && Set.of("bind", "cache", "tmpfs").contains(type)) {
            throw new RejectedWord(flag, "mount type " + type + " requires a target");
        }
        return switch (type) {
            case "bind" -> new Mount.Bind(maybeTarget, source.isEmpty() ? "/" : source, maybeFrom,
                    readOnly != null && !readOnly);
            case "cache" -> new Mount.Cache(maybeTarget, id.isEmpty() ? target : id,
                    sharing.isEmpty() ? Mount.Sharing.SHARED : Mount.Sharing.valueOf(sharing.toUpperCase(Locale.ROOT)),
                    maybeFrom, source, readOnly != null && readOnly, (int) mode.orElse(0755), uid, gid);
            case "tmpfs" -> new Mount.Tmpfs(maybeTarget, size);
            case "secret" -> secret(maybeTarget);
            default -> new Mount.Ssh(id.isEmpty() ? "default" : id, maybeTarget, required,
                    (int) mode.orElse(0600), uid, gid);
        };
    }

    private Mount secret(Optional<String> maybeTarget) {
        String secretId = id.isEmpty() ? target.substring(target.lastIndexOf('/') + 1) : id;
        if (secretId.isEmpty()) {
            throw new RejectedWord(flag, "secret mount requires an id or a target");
        }
        Optional<String> secretTarget = maybeTarget.isEmpty() && env.isEmpty()
                ? Optional.of("/run/secrets/" + secretId) : maybeTarget;
        return new Mount.Secret(secretId, secretTarget, env.isEmpty() ? Optional.empty() : Optional.of(env),
                required, (int) mode.orElse(0400), uid, gid);
    }

    private boolean only(String key, Set<String> types) {
        if (!types.contains(type)) {
            throw new RejectedWord(flag, "unexpected key '" + key + "' for mount type '" + type + "'");
        }
        return true;
    }

    private boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "t" -> true;
            case "false", "0", "f" -> false;
            default -> throw new RejectedWord(flag, "invalid value for " + key + ": " + value);
        };
    }

    private long number(String key, String value, int radix) {
        try {
            long parsed = Long.parseLong(value, radix);
            if (parsed >= 0 && parsed <= 0xFFFF_FFFFL) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the key, as BuildKit does
        }
        throw new RejectedWord(flag, "invalid value " + value + " for " + key);
    }

    private long bytes(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        long scale = 1;
        List<String> units = new ArrayList<>(List.of("k", "m", "g", "t"));
        for (int i = 0; i < units.size(); i++) {
            if (lower.endsWith(units.get(i))) {
                scale = 1L << (10 * (i + 1));
                lower = lower.substring(0, lower.length() - 1);
                break;
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(lower), scale);
        } catch (NumberFormatException | ArithmeticException notASize) {
            throw new RejectedWord(flag, "invalid value for size: " + value);
        }
    }
}
