package dev.berth.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Docker's mount syntaxes, read as the Docker CLI reads them, with its error texts: {@code -v [SRC:]DST[:OPTS]}
 * (an absolute SRC binds a host path, another SRC names a volume, none makes an anonymous one),
 * {@code --mount type=bind|volume|tmpfs,source=,target=,readonly,...} and {@code --tmpfs DST[:OPTS]}. Compose's
 * short volume syntax is {@code -v}'s.
 */
public final class MountFlags {

    private static final Set<String> VOLUME_MODES = Set.of("ro", "rw", "z", "Z", "nocopy", "private", "rprivate",
            "shared", "rshared", "slave", "rslave", "delegated", "cached", "consistent");

    private MountFlags() {
    }

    /** @throws IllegalArgumentException with Docker's texts for a bad spec */
    public static RunMountRequest volumeFlag(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("invalid spec: " + spec + ": too many colons");
        }
        if (spec.isEmpty() || List.of(parts).contains("")) {
            throw new IllegalArgumentException("invalid spec: " + spec + ": empty section between colons");
        }
        Optional<String> source = parts.length >= 2 ? Optional.of(parts[0]) : Optional.empty();
        String target = parts.length >= 2 ? parts[1] : parts[0];
        List<String> modes = parts.length == 3 ? List.of(parts[2].split(",")) : List.of();
        for (String mode : modes) {
            if (!VOLUME_MODES.contains(mode)) {
                throw new IllegalArgumentException("invalid mode: " + mode);
            }
        }
        if (modes.contains("ro") && modes.contains("rw")) {
            throw new IllegalArgumentException("invalid mode: " + parts[2]);
        }
        checkTarget(target, "invalid volume specification: '" + spec + "': ");
        boolean readOnly = modes.contains("ro");
        if (source.isPresent() && source.get().startsWith("/")) {
            return new RunMountRequest.Bind(Path.of(source.get()), target, readOnly, true);
        }
        source.ifPresent(MountFlags::checkVolumeName);
        return new RunMountRequest.Volume(source, target, readOnly, modes.contains("nocopy"));
    }

    /** @throws IllegalArgumentException with Docker's texts for a bad spec */
    public static RunMountRequest mountFlag(String spec) {
        String type = "volume";
        Optional<String> source = Optional.empty();
        Optional<String> target = Optional.empty();
        boolean readOnly = false;
        boolean noCopy = false;
        List<String> tmpfsOptions = new ArrayList<>();
        for (String field : splitCsv(spec)) {
            int equals = field.indexOf('=');
            String key = (equals < 0 ? field : field.substring(0, equals)).toLowerCase(Locale.ROOT).strip();
            String value = equals < 0 ? "" : field.substring(equals + 1);
            if (equals < 0 && !Set.of("readonly", "ro", "volume-nocopy").contains(key)) {
                throw new IllegalArgumentException("invalid field '" + field + "' must be a key=value pair");
            }
            switch (key) {
                case "type" -> type = value.toLowerCase(Locale.ROOT);
                case "source", "src" -> source = Optional.of(value);
                case "target", "dst", "destination" -> target = Optional.of(value);
                case "readonly", "ro" -> readOnly = equals < 0 || bool(key, value);
                case "volume-nocopy" -> noCopy = equals < 0 || bool(key, value);
                case "tmpfs-size" -> tmpfsOptions.add("size=" + value);
                case "tmpfs-mode" -> tmpfsOptions.add("mode=" + value);
                // Accepted and left to the defaults: Berth's binds are rprivate, volumes are local.
                case "bind-propagation", "consistency", "bind-nonrecursive", "volume-driver", "volume-label",
                        "volume-opt", "z" -> { }
                default -> throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
            }
        }
        String where = target.orElseThrow(() -> new IllegalArgumentException("target is required"));
        checkTarget(where, "invalid mount config for type \"" + type + "\": ");
        return switch (type) {
            case "bind" -> new RunMountRequest.Bind(Path.of(source.filter(s -> !s.isEmpty()).orElseThrow(() ->
                    new IllegalArgumentException("invalid mount config for type \"bind\": field Source must not be empty"))),
                    where, readOnly, false);
            case "volume" -> {
                Optional<String> name = source.filter(s -> !s.isEmpty());
                name.ifPresent(MountFlags::checkVolumeName);
                yield new RunMountRequest.Volume(name, where, readOnly, noCopy);
            }
            case "tmpfs" -> {
                if (source.isPresent()) {
                    throw new IllegalArgumentException("invalid mount config for type \"tmpfs\": field Source must not be specified");
                }
                if (readOnly) {
                    tmpfsOptions.add("ro");
                }
                yield new RunMountRequest.Tmpfs(where, tmpfsOptions);
            }
            default -> throw new IllegalArgumentException("invalid mount config: mount type unknown: \"" + type + "\"");
        };
    }

    /** {@code --tmpfs DST[:OPTS]}, OPTS as {@code mount -o} takes them. */
    public static RunMountRequest tmpfsFlag(String spec) {
        int colon = spec.indexOf(':');
        String target = colon < 0 ? spec : spec.substring(0, colon);
        checkTarget(target, "invalid tmpfs specification: '" + spec + "': ");
        List<String> options = colon < 0 || spec.substring(colon + 1).isEmpty() ? List.of()
                : List.of(spec.substring(colon + 1).split(","));
        return new RunMountRequest.Tmpfs(target, options);
    }

    private static void checkTarget(String target, String context) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException(context + "invalid mount path: '" + target + "' mount path must be absolute");
        }
        if (Path.of(target).normalize().toString().equals("/")) {
            throw new IllegalArgumentException(context + "invalid specification: destination can't be '/'");
        }
    }

    private static void checkVolumeName(String name) {
        try {
            dev.berth.volume.VolumeNames.checked(name);
        } catch (dev.berth.error.ExecutionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException("invalid value for " + key + ": " + value);
        };
    }

    /** Docker reads {@code --mount} as one CSV record: a field in double quotes may hold commas. */
    private static List<String> splitCsv(String spec) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : spec.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("parse error on line 1, column " + spec.length() + ": extraneous or missing \" in quoted-field");
        }
        fields.add(field.toString());
        return fields.stream().filter(f -> !f.isEmpty()).toList();
    }
}
