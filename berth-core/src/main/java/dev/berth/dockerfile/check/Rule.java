package dev.berth.dockerfile.check;

import java.util.Locale;

/**
 * The BuildKit checks Berth implements, by their BuildKit names (used in {@code # check=skip=...}).
 * Each links to Docker's page about it.
 */
public enum Rule {
    FROM_AS_CASING("FromAsCasing"),
    UNDEFINED_VAR("UndefinedVar"),
    JSON_ARGS_RECOMMENDED("JSONArgsRecommended"),
    MAINTAINER_DEPRECATED("MaintainerDeprecated"),
    LEGACY_KEY_VALUE_FORMAT("LegacyKeyValueFormat"),
    STAGE_NAME_CASING("StageNameCasing"),
    DUPLICATE_STAGE_NAME("DuplicateStageName"),
    MULTIPLE_INSTRUCTIONS_DISALLOWED("MultipleInstructionsDisallowed"),
    WORKDIR_RELATIVE_PATH("WorkdirRelativePath"),
    SECRETS_USED_IN_ARG_OR_ENV("SecretsUsedInArgOrEnv");

    private final String checkName;

    Rule(String checkName) {
        this.checkName = checkName;
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
}
