package dev.berth.sbom;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution {@code /etc/os-release} (or {@code /usr/lib/os-release}) names.
 *
 * @param id        {@code ID}: {@code debian}, {@code alpine}, {@code ubuntu}
 * @param versionId {@code VERSION_ID}: {@code 12}, {@code 3.19.1}; empty on rolling suites (then the codename)
 */
public record Distro(String id, String versionId, String codename, String prettyName) {

    public static Optional<Distro> parse(byte[] osRelease) {
        Map<String, String> fields = new HashMap<>();
        for (String line : new String(osRelease, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals <= 0) {
                continue;
            }
            fields.put(line.substring(0, equals).trim(), unquote(line.substring(equals + 1).trim()));
        }
        String id = fields.getOrDefault("ID", "");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Distro(id, fields.getOrDefault("VERSION_ID", ""),
                fields.getOrDefault("VERSION_CODENAME", ""), fields.getOrDefault("PRETTY_NAME", id)));
    }

    /** The PURL {@code distro} qualifier: {@code debian-12}, {@code alpine-3.19.1}; the codename when unversioned. */
    public String qualifier() {
        String version = versionId.isEmpty() ? codename : versionId;
        return version.isEmpty() ? id : id + "-" + version;
    }

    /** The PURL namespace of distro packages: the vendor. */
    public String vendor() {
        return id.toLowerCase(java.util.Locale.ROOT);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }
}
