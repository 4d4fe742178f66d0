package dev.berth.api;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * {@code --restart}: what happens when a detached container's process exits on its own. A stop or kill asked for by
 * the user never restarts it. There is no daemon, so nothing restarts containers after the host reboots.
 */
public sealed interface RestartPolicy {

    /** {@code no}: never restarted (the default). */
    record No() implements RestartPolicy {
    }

    /** {@code always}: restarted whatever its exit code. */
    record Always() implements RestartPolicy {
    }

    /** {@code unless-stopped}: as {@code always}, except after a host restart: a container the user stopped stays stopped. */
    record UnlessStopped() implements RestartPolicy {
    }

    /**
     * {@code on-failure[:N]}: restarted when it exits with a code other than 0, at most {@code maxRetries} times.
     *
     * @param maxRetries Docker's MaximumRetryCount; empty (or 0) for no limit
     */
    record OnFailure(OptionalInt maxRetries) implements RestartPolicy {
        public OnFailure {
            Objects.requireNonNull(maxRetries, "maxRetries");
            if (maxRetries.isPresent() && maxRetries.getAsInt() < 0) {
                throw new IllegalArgumentException("invalid restart policy: maximum retry count cannot be negative");
            }
        }
    }

    /** Docker's name: {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure}. */
    default String name() {
        return switch (this) {
            case No _ -> "no";
            case Always _ -> "always";
            case UnlessStopped _ -> "unless-stopped";
            case OnFailure _ -> "on-failure";
        };
    }

    /** Docker's {@code MaximumRetryCount}: 0 but for {@code on-failure:N}. */
    default int maximumRetryCount() {
        return this instanceof OnFailure(OptionalInt max) ? max.orElse(0) : 0;
    }

    /**
     * Docker's {@code --restart} syntax, {@code NAME[:MAX]}, with the CLI's and the daemon's wording for what they
     * refuse; an empty text is {@code no}.
     *
     * @throws IllegalArgumentException with Docker's message
     */
    static RestartPolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String count = colon < 0 ? "" : text.substring(colon + 1);
        if (colon >= 0 && name.isEmpty()) {
            throw new IllegalArgumentException("invalid restart policy format: no policy provided before colon");
        }
        int max = 0;
        if (!count.isEmpty()) {
            try {
                max = Integer.parseInt(count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid restart policy format: maximum retry count must be an integer");
            }
        }
        switch (name) {
            case "", "no", "always", "unless-stopped" -> {
                if (max != 0) {
                    throw new IllegalArgumentException("invalid restart policy: maximum retry count can only be used "
                            + "with 'on-failure'" + (max < 0 ? " and cannot be negative" : ""));
                }
                return switch (name) {
                    case "always" -> new Always();
                    case "unless-stopped" -> new UnlessStopped();
                    default -> new No();
                };
            }
            case "on-failure" -> {
                return new OnFailure(count.isEmpty() ? OptionalInt.empty() : OptionalInt.of(max));
            }
            default -> throw new IllegalArgumentException(("invalid restart policy: unknown policy '%s'; use one of "
                    + "'no', 'always', 'on-failure', or 'unless-stopped'").formatted(name));
        }
    }
}
