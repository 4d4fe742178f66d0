package dev.berth.dockerfile.check;

import java.util.Locale;

/**
 * The BuildKit checks Berth implements, by their BuildKit names (used in {@code # check=skip=...}).
 * Each links to Docker's page about it.
 */
public enum Rule {
    FROM_AS_CASING("FromAsCasing"),
    UNDEFINED_VAR("UndefinedVar"),
    JSON_ARGS_RECOMMENDED("JSONArgsRecommended", "DL3025"),
    MAINTAINER_DEPRECATED("MaintainerDeprecated", "DL4000"),
    LEGACY_KEY_VALUE_FORMAT("LegacyKeyValueFormat"),
    STAGE_NAME_CASING("StageNameCasing"),
    DUPLICATE_STAGE_NAME("DuplicateStageName", "DL3024"),
    MULTIPLE_INSTRUCTIONS_DISALLOWED("MultipleInstructionsDisallowed", "DL4003", "DL4004"),
    WORKDIR_RELATIVE_PATH("WorkdirRelativePath", "DL3000"),
    SECRETS_USED_IN_ARG_OR_ENV("SecretsUsedInArgOrEnv");

    private final String checkName;
    private final java.util.List<String> hadolintIds;

    Rule(String checkName, String... hadolintIds) {
        this.checkName = checkName;
        this.hadolintIds = java.util.List.of(hadolintIds);
    }

    /** hadolint's ids for the same check: {@code # hadolint ignore=} and {@code # check=skip=} accept them. */
    public java.util.List<String> hadolintIds() {
        return hadolintIds;
    }

    /** The name BuildKit and the {@code check} directive use. */
    public String checkName() {
        return checkName;
    }

    /** Docker's documentation page for the rule. */
    public String url() {
        return "https://docs.docker.com/go/dockerfile/rule/"
                + checkName.replaceAll("([a-z])([A-Z])", "$1-$2").replace("JSONArgs", "json-args").toLowerCase(Locale.ROOT)
                + "/";
    }

    /** One line saying how to satisfy the check, for {@code berth check --explain} and SARIF. */
    public String fix() {
        return switch (this) {
            case FROM_AS_CASING -> "write FROM and AS in the same case";
            case UNDEFINED_VAR -> "declare the variable with ARG or ENV before using it, or fix its name";
            case JSON_ARGS_RECOMMENDED -> "use the exec form: CMD [\"executable\", \"arg\"]";
            case MAINTAINER_DEPRECATED -> "use LABEL org.opencontainers.image.authors=\"NAME\"";
            case LEGACY_KEY_VALUE_FORMAT -> "write KEY=VALUE rather than KEY VALUE";
            case STAGE_NAME_CASING -> "write the stage name in lower case";
            case DUPLICATE_STAGE_NAME -> "give every stage its own name";
            case MULTIPLE_INSTRUCTIONS_DISALLOWED -> "keep only the last CMD, ENTRYPOINT or HEALTHCHECK of the stage";
            case WORKDIR_RELATIVE_PATH -> "give WORKDIR an absolute path";
            case SECRETS_USED_IN_ARG_OR_ENV -> "pass the secret with RUN --mount=type=secret instead of ARG or ENV";
        };
    }
}
