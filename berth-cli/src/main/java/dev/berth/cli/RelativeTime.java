package dev.berth.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** "2 hours ago", as Docker's listings print a creation time (go-units' {@code HumanDuration}). */
final class RelativeTime {

    private RelativeTime() {
    }

    static String since(Optional<Instant> created, Instant now) {
        return created.map(time -> human(Duration.between(time, now)) + " ago").orElse("N/A");
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = duration.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(duration.toMillis() / 3_600_000.0);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return duration.toHours() / 24 / 365 + " years";
    }
}
