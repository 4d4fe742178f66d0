package dev.berth.cli;

import dev.berth.api.Berth;
import java.time.Clock;
import picocli.CommandLine.Mixin;

/** The store a command works on ({@code --root}) and the clock it reads; {@link CommandFactory} sets the clock. */
final class BerthOptions {

    @Mixin
    StoreOptions store;

    private final Clock clock;

    BerthOptions() {
        this(Clock.systemUTC());
    }

    BerthOptions(Clock clock) {
        this.clock = clock;
    }

    Berth open() {
        return Berth.open(store.settings(System.getenv()).clock(clock).build());
    }

    Clock clock() {
        return clock;
    }
}
