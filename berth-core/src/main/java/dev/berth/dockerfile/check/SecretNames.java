package dev.berth.dockerfile.check;

import java.util.regex.Pattern;

/**
 * Which ARG and ENV names look like they hold a credential: BuildKit's SecretsUsedInArgOrEnv word list
 * ({@code apikey}, {@code auth}, {@code credential(s)}, {@code key}, {@code password}, {@code pword},
 * {@code passwd}, {@code secret}, {@code token}), matched between underscores and ignoring case, unless the name
 * also says {@code public}. {@code NPM_TOKEN}, {@code AWS_SECRET_ACCESS_KEY} and {@code PASSWORD} do;
 * {@code TOKENIZER} and {@code PUBLIC_KEY} do not. The check's rule and the build's warning about secret build
 * args reaching a RUN share it, so the two never disagree.
 */
public final class SecretNames {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    private static final Pattern PUBLIC_NAME = Pattern.compile("(?i)(?:_|^)public(?:_|$)");

    private SecretNames() {
    }

    /** Whether {@code name} looks like a credential's name. */
    public static boolean looksSecret(String name) {
        return SECRET_NAME.matcher(name).find() && !PUBLIC_NAME.matcher(name).find();
    }
}
