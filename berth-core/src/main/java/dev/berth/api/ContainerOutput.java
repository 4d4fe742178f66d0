package dev.berth.api;

import java.io.IOException;

/** Where {@link Containers#logs} writes what a container wrote, each stream's bytes kept apart, in order. */
@FunctionalInterface
public interface ContainerOutput {

    /** The container's stream some bytes came from. */
    enum Source {
        STDOUT,
        STDERR
    }

    void write(Source source, byte[] bytes) throws IOException;
}
