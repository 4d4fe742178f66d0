package dev.berth.cli.progress;

import dev.berth.error.UnsupportedFeatureException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Which progress view a build gets, as {@code docker build} chooses: {@code -q} is quiet; else
 * {@code --progress}, else the {@code BUILDKIT_PROGRESS} environment variable, else {@code auto}, which
 * is the live view when standard error is a terminal whose {@code TERM} is not {@code dumb}, plain otherwise.
 */
public enum ProgressMode {
    PLAIN,
    TTY,
    QUIET;

    /**
     * @param quiet {@code -q} was given
     * @param flag the {@code --progress} value, empty when the option was not given
     * @param stderrIsTerminal whether standard error is a terminal (see {@link StandardError#isTerminal()});
     *     asked only for {@code auto}: the check sets up a native call, tens of milliseconds in a short run
     */
    public static ProgressMode choose(boolean quiet, Optional<String> flag, Map<String, String> env,
            BooleanSupplier stderrIsTerminal) {
        if (quiet) {
            return QUIET;
        }
        String source = flag.isPresent() ? "--progress" : "BUILDKIT_PROGRESS";
        String value = flag.or(() -> Optional.ofNullable(env.get("BUILDKIT_PROGRESS")))
                .map(String::strip).filter(text -> !text.isEmpty()).orElse("auto");
        return switch (value) {
            case "auto" -> stderrIsTerminal.getAsBoolean() && !"dumb".equals(env.get("TERM")) ? TTY : PLAIN;
            case "tty" -> TTY;
            case "plain" -> PLAIN;
            case "quiet" -> QUIET;
            case "rawjson" -> throw new UnsupportedFeatureException(source + "=rawjson is not supported: use plain, tty, quiet or auto");
            default -> throw new UnsupportedFeatureException("unknown progress mode \"" + value + "\" (from " + source
                    + "): use auto, plain, tty or quiet");
        };
    }

    /** The view of this mode: plain and the live view draw on {@code err}, quiet prints the image ID on {@code out}. */
    public ProgressView open(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        return switch (this) {
            case PLAIN -> new PlainProgress(err);
            case TTY -> new TtyProgress(err, clock, TerminalSize.of(env));
            case QUIET -> new QuietProgress(out);
        };
    }
}
