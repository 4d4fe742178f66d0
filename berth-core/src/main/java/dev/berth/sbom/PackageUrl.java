package dev.berth.sbom;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Package URLs in the purl specification's canonical form: type and namespace lowercased where the type says so,
 * each component percent-encoded (a version's {@code :} kept, as the spec's {@code attr@1:2.4.47-2%2Bb1} example
 * does), qualifiers sorted by key, empty qualifiers left out.
 */
public final class PackageUrl {

    private PackageUrl() {
    }

    public static String of(String type, String namespace, String name, String version, Map<String, String> qualifiers) {
        StringBuilder purl = new StringBuilder("pkg:").append(type).append('/');
        if (!namespace.isEmpty()) {
            for (String segment : namespace.split("/")) {
                purl.append(encode(segment, "")).append('/');
            }
        }
        purl.append(encode(name, ""));
        if (!version.isEmpty()) {
            purl.append('@').append(encode(version, ":"));
        }
        char separator = '?';
        for (Map.Entry<String, String> qualifier : new TreeMap<>(qualifiers).entrySet()) {
            if (!qualifier.getValue().isEmpty()) {
                purl.append(separator).append(qualifier.getKey()).append('=').append(encode(qualifier.getValue(), ":/"));
                separator = '&';
            }
        }
        return purl.toString();
    }

    /** Percent-encodes all but the unreserved characters and those in {@code keep}. */
    static String encode(String text, String keep) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ".-_~".indexOf(c) >= 0 || keep.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
