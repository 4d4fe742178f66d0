package dev.berth.store;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use and kept. Jackson's {@code ObjectMapper} costs about 30 ms to make in a fresh JVM
 * (its class initialisation sets up date formats and introspectors), which a command that never reads JSON,
 * an up-to-date rebuild among them, should not pay. Thread-safe. ({@code ImageJson} keeps its mapper the same way.)
 */
final class FirstUse<T> implements Supplier<T> {

    private final Supplier<T> maker;
    private T value;

    FirstUse(Supplier<T> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(maker.get(), "made value");
        }
        return value;
    }
}
