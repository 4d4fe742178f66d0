package dev.berth.sbom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The identifiers both documents use, derived from the image ID and each package's fields, never random, so two
 * runs over one image give the same bytes; and license lists as one SPDX expression.
 */
final class DocumentIds {

    private DocumentIds() {
    }

    /** A name-based UUID of the image ID: the CycloneDX serial number and the SPDX namespace. */
    static UUID documentUuid(Inventory inventory) {
        return UUID.nameUUIDFromBytes(("berth-sbom:" + inventory.image()).getBytes(StandardCharsets.UTF_8));
    }

    /** One id per package, in order: {@code SPDXRef-Package-deb-bash-1a2b3c4d}, made unique by a suffix if needed. */
    static List<String> packageIds(Inventory inventory) {
        List<String> ids = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (FoundPackage found : inventory.packages()) {
            String base = "SPDXRef-Package-" + found.ecosystem().purlType() + "-" + sanitize(found.name()) + "-"
                    + hash(found.purl() + "|" + found.name() + "|" + found.version() + "|" + found.path());
            String id = base;
            for (int n = 2; !taken.add(id); n++) {
                id = base + "-" + n;
            }
            ids.add(id);
        }
        return ids;
    }

    static String sanitize(String text) {
        return text.replaceAll("[^A-Za-z0-9.-]+", "-");
    }

    /** The package's licenses as one SPDX expression, or empty: ids that are not expressions become LicenseRefs. */
    static String expression(List<String> licenses) {
        List<String> parts = new ArrayList<>();
        for (String license : licenses) {
            String id = licenseTerm(license);
            parts.add(licenses.size() > 1 && id.contains(" ") ? "(" + id + ")" : id);
        }
        return String.join(" AND ", parts);
    }

    /** A license as the package says it, when it is an SPDX id or expression; a LicenseRef of it otherwise. */
    static String licenseTerm(String license) {
        String trimmed = license.trim();
        if (trimmed.matches("[A-Za-z0-9.+-]+")) {
            return trimmed;
        }
        if (trimmed.matches("\\(?[A-Za-z0-9.+-]+\\)?(\\s+(AND|OR|WITH)\\s+\\(?[A-Za-z0-9.+-]+\\)?)+")) {
            return trimmed;
        }
        return "LicenseRef-" + sanitize(trimmed);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
