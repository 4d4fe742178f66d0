package dev.berth.image;

import java.util.regex.Pattern;

/**
 * Docker's image reference grammar (distribution's {@code reference} package) as Java patterns:
 * {@code [domain[:port]/]path[:tag][@digest]}. Quantifiers are possessive where the grammar is
 * unambiguous, so a hostile string cannot make matching slow.
 */
final class ReferenceGrammar {

    static final int NAME_MAX_LENGTH = 255;
    static final String DEFAULT_DOMAIN = "docker.io";
    static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
    static final String OFFICIAL_PREFIX = "library/";

    private static final String ALPHANUMERIC = "[a-z0-9]++";
    private static final String SEPARATOR = "(?:[._]|__|-++)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*+";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*+(?<=[a-zA-Z0-9]))?)";
    private static final String IPV6 = "\\[[a-fA-F0-9:]++\\]";
    private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*+|" + IPV6 + ")";
    private static final String DOMAIN_AND_PORT = HOST + "(?::[0-9]++)?+";
    private static final String PATH = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*+";
    private static final String TAG = "[\\w][\\w.-]{0,127}+";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*+(?:[-_+.][A-Za-z][A-Za-z0-9]*+)*+:[0-9A-Fa-f]{32,}+";

    static final Pattern DOMAIN = Pattern.compile(DOMAIN_AND_PORT);
    static final Pattern REPOSITORY_PATH = Pattern.compile(PATH);
    static final Pattern TAG_PATTERN = Pattern.compile(TAG);
    /**
     * A reference whose domain has been made explicit. Groups: 1 domain, 2 path, 3 tag (optional),
     * 4 digest (optional).
     */
    static final Pattern REFERENCE = Pattern.compile(
            "(" + DOMAIN_AND_PORT + ")/(" + PATH + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
    static final Pattern IMAGE_ID = Pattern.compile("[a-f0-9]{64}");

    private ReferenceGrammar() {
    }
}
