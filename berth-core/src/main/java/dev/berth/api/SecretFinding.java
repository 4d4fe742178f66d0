package dev.berth.api;

/**
 * A secret the image gives away, redacted.
 *
 * @param rule     {@code PRIVATE_KEY}, {@code AWS_ACCESS_KEY_ID}, {@code NPM_TOKEN}, {@code GITHUB_TOKEN},
 *                 {@code SLACK_TOKEN} or {@code SECRET_NAMED_VARIABLE}
 * @param where    {@code env}, {@code label}, {@code history} or {@code layer}
 * @param location the variable or label name, the history step and build arg, or the file and its layer
 * @param redacted a few first characters and asterisks (a private key's header line)
 * @param deleted  a file a later layer deletes: gone from the file system, still in the image
 */
public record SecretFinding(String rule, String severity, String where, String location, String redacted,
        boolean deleted) {}
