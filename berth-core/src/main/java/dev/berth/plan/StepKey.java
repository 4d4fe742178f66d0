package dev.berth.plan;

import dev.berth.image.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every input of one step's cache key: the parent's key (which, at the base, is the base image's
 * manifest digest or a fixed value for scratch, so a changed base config changes every key —
 * CVE-2024-24557), the expanded instruction, the build args it sees, the platform, and for COPY/ADD
 * the digest of the source files' contents and metadata.
 */
public record StepKey(Digest parent, String instruction, Map<String, String> args, String platform,
        Optional<Digest> sources) {

    public StepKey {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(instruction, "instruction");
        args = java.util.Collections.unmodifiableMap(new TreeMap<>(args));
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(sources, "sources");
    }

    /** The key of a stage's base: the base image's digest, or the platform for scratch. */
    public static Digest base(Optional<Digest> image, String platform) {
        return Digest.sha256(("base\n" + image.map(Digest::toString).orElse("scratch") + "\n" + platform)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The inputs one per line, each value length-prefixed so no two different keys print alike. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        line(text, "parent", parent.toString());
        line(text, "instruction", instruction);
        args.forEach((name, value) -> line(text, "arg " + name, value));
        line(text, "platform", platform);
        line(text, "sources", sources.map(Digest::toString).orElse(""));
        return text.toString();
    }

    public Digest digest() {
        return Digest.sha256(describe().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(' ').append(value.length()).append(':').append(value).append('\n');
    }
}
