package dev.berth.container;

import java.io.IOException;

/** Where {@code logs} writes: what the container wrote to each stream, in order, kept apart. */
@FunctionalInterface
public interface LogSink {

    void write(LogStream stream, byte[] bytes) throws IOException;
}
