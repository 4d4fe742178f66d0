package dev.berth.dockerfile.instruction;

import dev.berth.dockerfile.syntax.Node;
import dev.berth.golang.GoTime;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** HEALTHCHECK: {@code NONE}, or {@code CMD} with Go-syntax durations of at least 1ms and retries >= 0. */
final class HealthcheckParser {

    private static final Duration MINIMUM = Duration.ofMillis(1);

    private HealthcheckParser() {}

    static HealthcheckSpec parse(Node node, ParsedFlags flags) {
        List<String> args = node.args();
        if (args.isEmpty()) {
            throw new RejectedWord(node.keyword(), "HEALTHCHECK requires at least one argument");
        }
        String type = args.getFirst().toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (args.size() != 1 || !node.flags().isEmpty()) {
                String extra = args.size() > 1 ? args.get(1) : node.flags().getFirst();
                throw new RejectedWord(extra, "HEALTHCHECK NONE takes no arguments");
            }
            return new HealthcheckSpec.None();
        }
        if (!type.equals("CMD")) {
            throw new RejectedWord(args.getFirst(), "Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
        }
        List<String> command = args.subList(1, args.size());
        if (command.isEmpty()) {
            throw new RejectedWord(args.getFirst(), "Missing command after HEALTHCHECK CMD");
        }
        ShellOrExec probe = node.json() ? new ShellOrExec.ExecForm(command)
                : new ShellOrExec.ShellForm(String.join(" ", command));
        return new HealthcheckSpec.Check(probe, interval(flags, "interval"), interval(flags, "timeout"),
                interval(flags, "start-period"), interval(flags, "start-interval"), retries(flags));
    }

    /** Docker's parseOptInterval: empty and 0 mean "default"; otherwise at least 1ms. */
    private static Optional<Duration> interval(ParsedFlags flags, String name) {
        Optional<String> text = flags.string(name);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        Duration duration;
        try {
            duration = GoTime.parseDuration(text.get());
        } catch (IllegalArgumentException invalid) {
            throw new RejectedWord(flags.written(name), invalid.getMessage());
        }
        if (duration.isZero()) {
            return Optional.empty();
        }
        if (duration.compareTo(MINIMUM) < 0) {
            throw new RejectedWord(flags.written(name), "Interval \"" + name + "\" cannot be less than 1ms");
        }
        return Optional.of(duration);
    }

    private static OptionalInt retries(ParsedFlags flags) {
        Optional<String> text = flags.string("retries");
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        int retries;
        try {
            retries = Integer.parseInt(text.get());
        } catch (NumberFormatException notANumber) {
            throw new RejectedWord(flags.written("retries"),
                    "strconv.ParseInt: parsing \"" + text.get() + "\": invalid syntax");
        }
        if (retries < 0) {
            throw new RejectedWord(flags.written("retries"), "--retries cannot be negative (" + retries + ")");
        }
        return OptionalInt.of(retries);
    }
}
