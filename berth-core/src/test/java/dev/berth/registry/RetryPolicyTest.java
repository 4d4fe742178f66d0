package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(10));

    @ParameterizedTest
    @CsvSource({"429, true", "500, true", "502, true", "503, true", "504, true", "408, true", "501, false",
            "400, false", "401, false", "403, false", "404, false", "200, false", "416, false"})
    void onlyTransientStatusesAreRetried(int status, boolean retried) {
        assertThat(RetryPolicy.isTransient(status)).isEqualTo(retried);
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 500", "2, 500, 1000", "3, 1500, 2000", "4, 3500, 2000"})
    void theBackoffDoublesUpToItsCap(int attempt, long waitedMillis, long expectedMillis) {
        assertThat(POLICY.delay(attempt, Duration.ofMillis(waitedMillis), Optional.empty()))
                .contains(Duration.ofMillis(expectedMillis));
    }

    @Test
    void theLastAttemptIsNotFollowedByAnother() {
        assertThat(POLICY.delay(5, Duration.ZERO, Optional.empty())).isEmpty();
    }

    @Test
    void retryAfterWinsOverTheBackoffButNotOverTheBudget() {
        assertThat(POLICY.delay(1, Duration.ZERO, Optional.of(Duration.ofSeconds(3)))).contains(Duration.ofSeconds(3));
        assertThat(POLICY.delay(1, Duration.ofSeconds(8), Optional.of(Duration.ofSeconds(3)))).isEmpty();
        assertThat(POLICY.delay(2, Duration.ofMillis(9_500), Optional.empty())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "7 | PT7S",
            "0 | PT0S",
            "Wed, 21 Oct 2015 07:28:10 GMT | PT10S",
            "Wed, 21 Oct 2015 07:27:00 GMT | PT0S"})
    void retryAfterIsSecondsOrAnHttpDate(String header, Duration expected) {
        Instant now = Instant.parse("2015-10-21T07:28:00Z");
        assertThat(RetryPolicy.retryAfter(Optional.of(header), now)).contains(expected);
    }

    @Test
    void anUnreadableRetryAfterIsIgnored() {
        assertThat(RetryPolicy.retryAfter(Optional.of("soon"), Instant.EPOCH)).isEmpty();
        assertThat(RetryPolicy.retryAfter(Optional.empty(), Instant.EPOCH)).isEmpty();
    }
}
