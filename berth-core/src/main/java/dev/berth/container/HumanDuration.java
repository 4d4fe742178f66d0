package dev.berth.container;

import java.time.Duration;

/**
 * Docker's wording of a duration in {@code ps} ({@code Up 5 seconds}, {@code Exited (0) About a minute ago}): the
 * rules of its {@code go-units} {@code HumanDuration}, which rounds hours to the nearest and everything else down.
 */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String of(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = duration.toMinutes();
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = Math.round(duration.toSeconds() / 3600.0);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return duration.toHours() / 24 / 365 + " years";
    }
}
