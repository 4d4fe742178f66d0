package dev.berth.runtime;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a container's standard streams go. The runtime passes its own streams to the container, so these are
 * the runtime process's redirects. A detached container ({@link OciRuntime#create}) outlives the runtime process:
 * give it files, not pipes.
 *
 * @param in  standard input
 * @param out standard output
 * @param err standard error (the runtime's own error messages go to its log, not here alone)
 */
public record Stdio(Redirect in, Redirect out, Redirect err) {

    private static final Redirect NULL_INPUT = Redirect.from(Path.of("/dev/null").toFile());
    private static final Redirect NULL_OUTPUT = Redirect.to(Path.of("/dev/null").toFile());

    public Stdio {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The container shares this JVM's standard streams, as {@code berth run} in the foreground does. */
    public static Stdio inherit() {
        return new Stdio(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
    }

    /** No input; output and error written to files (replaced if they exist). */
    public static Stdio toFiles(Path out, Path err) {
        return new Stdio(NULL_INPUT, Redirect.to(out.toFile()), Redirect.to(err.toFile()));
    }

    /** No input, output discarded. */
    public static Stdio discard() {
        return new Stdio(NULL_INPUT, NULL_OUTPUT, NULL_OUTPUT);
    }
}
