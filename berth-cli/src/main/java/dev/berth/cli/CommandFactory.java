package dev.berth.cli;

import java.time.Clock;
import picocli.CommandLine;

/** Creates commands and mixins as picocli's default factory does, giving {@link BerthOptions} the clock. */
final class CommandFactory implements CommandLine.IFactory {

    private final Clock clock;

    CommandFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == BerthOptions.class) {
            return type.cast(new BerthOptions(clock));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
