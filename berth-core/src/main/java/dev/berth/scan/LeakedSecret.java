package dev.berth.scan;

import java.util.Objects;

/**
 * A secret an image gives away.
 *
 * @param where    {@code env}, {@code label}, {@code history} or {@code layer}
 * @param location the variable or label name, the history step, or the file path (with its layer)
 * @param redacted what may be shown of the value: a few first characters, never the secret
 * @param deleted  for a file: a later layer deletes it, yet it is still in the image's blobs
 */
public record LeakedSecret(SecretRule rule, String where, String location, String redacted, boolean deleted) {

    public LeakedSecret {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(redacted, "redacted");
    }

    public AdvisorySeverity severity() {
        return rule.severity();
    }
}
