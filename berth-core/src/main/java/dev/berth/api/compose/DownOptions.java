package dev.berth.api.compose;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code compose down}'s options.
 *
 * @param volumes       {@code -v}: the project's named volumes go too (external ones never)
 * @param removeImages  {@code --rmi local} (images built for services without {@code image}) or {@code all}
 * @param removeOrphans {@code --remove-orphans}: containers of services no longer in the files, and one-off ones
 * @param timeout       {@code -t}: seconds each container gets to stop
 */
public record DownOptions(boolean volumes, Optional<String> removeImages, boolean removeOrphans,
        Optional<Duration> timeout) {

    public DownOptions {
        Objects.requireNonNull(removeImages, "removeImages");
        Objects.requireNonNull(timeout, "timeout");
        removeImages.filter(value -> !value.equals("local") && !value.equals("all")).ifPresent(value -> {
            throw new IllegalArgumentException("invalid --rmi value \"" + value + "\": local or all");
        });
    }
}
