package dev.berth.plan;

import dev.berth.image.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every input of one step's cache key: the parent's key (which, at the base, is the base image's
 * manifest digest or a fixed value for scratch, so a changed base config changes every key —
 * CVE-2024-24557), the step's typed fields ({@link StepInputs}), the build args it sees, the platform, and for
 * COPY/ADD (and RUN's bind mounts) the digest of the source files' contents and metadata.
 */
public record StepKey(Digest parent, List<Field> step, Map<String, String> args, String platform,
        Optional<Digest> sources) {

    /** Names the key prints on lines of their own, which a step's field may not take. */
    private static final Set<String> RESERVED = Set.of("parent", "arg", "platform", "sources");

    /** One typed field of the step: a name of its own (no space) and its value. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || !name.equals(name.strip()) || name.contains(" ") || name.contains("\n")
                    || RESERVED.contains(name)) {
                throw new IllegalArgumentException("not a field name: \"" + name + "\"");
            }
        }
    }

    public StepKey {
        Objects.requireNonNull(parent, "parent");
        step = List.copyOf(step);
        args = java.util.Collections.unmodifiableMap(new TreeMap<>(args));
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(sources, "sources");
    }

    /**
     * The key of {@code step} after {@code parent}.
     *
     * @param cmdSet whether a CMD came earlier in the stage, which changes what an ENTRYPOINT does
     */
    public static StepKey of(Digest parent, Step step, boolean cmdSet, String platform, Optional<Digest> sources) {
        return new StepKey(parent, StepInputs.of(step, cmdSet), step.args(), platform, sources);
    }

    /** The key of a stage's base: the base image's digest, or the platform for scratch. */
    public static Digest base(Optional<Digest> image, String platform) {
        return Digest.sha256(("base\n" + image.map(Digest::toString).orElse("scratch") + "\n" + platform)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The same key with the digest of other sources. */
    public StepKey withSources(Optional<Digest> digest) {
        return new StepKey(parent, step, args, platform, digest);
    }

    /**
     * The inputs one per line, {@code sources} last, each value length-prefixed so no two different keys print
     * alike; a line break or backslash in a value is escaped so that each input stays on its line.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        line(text, "parent", parent.toString());
        step.forEach(field -> line(text, field.name(), field.value()));
        args.forEach((name, value) -> line(text, "arg " + name, value));
        line(text, "platform", platform);
        line(text, "sources", sources.map(Digest::toString).orElse(""));
        return text.toString();
    }

    public Digest digest() {
        return Digest.sha256(describe().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(' ').append(value.length()).append(':')
                .append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }
}
