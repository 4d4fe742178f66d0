package dev.berth.api;

import java.util.Locale;

/** The documents {@code berth sbom} writes. */
public enum SbomFormat {
    SPDX_JSON, CYCLONEDX_JSON;

    /** {@code spdx-json} or {@code cyclonedx-json}, as {@code --format} takes them. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
