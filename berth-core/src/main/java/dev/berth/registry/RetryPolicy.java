package dev.berth.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a request again: after a connection failure (reset, refused, timeout), a 5xx, or a 429, with an
 * exponential backoff (doubling from {@code initialDelay} up to {@code maxDelay}), or the registry's
 * {@code Retry-After} when it gives one, and never past {@code attempts} tries or {@code budget} of waiting in all.
 * Everything else (401, 403, 404, 400...) is permanent and fails at once.
 */
public record RetryPolicy(int attempts, Duration initialDelay, Duration maxDelay, Duration budget) {

    /** Five tries, 0.5 s doubling to 8 s, at most a minute of waiting. */
    public static final RetryPolicy STANDARD = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
    }

    /** True for a status worth trying again. */
    public static boolean isTransient(int status) {
        return status == 429 || status == 408 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /**
     * How long to wait before try {@code attempt + 1} ({@code attempt} counts from 1), or empty to give up.
     *
     * @param waited what earlier retries already waited
     * @param retryAfter the registry's {@code Retry-After}, already read
     */
    public Optional<Duration> delay(int attempt, Duration waited, Optional<Duration> retryAfter) {
        if (attempt >= attempts) {
            return Optional.empty();
        }
        Duration backoff = initialDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        if (backoff.compareTo(maxDelay) > 0) {
            backoff = maxDelay;
        }
        Duration delay = retryAfter.filter(after -> !after.isNegative()).orElse(backoff);
        if (waited.plus(delay).compareTo(budget) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110); empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
