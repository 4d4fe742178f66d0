package dev.berth.api.compose;

import dev.berth.api.ContainerOutput;
import dev.berth.api.ContainerSummary;
import java.io.IOException;

/** Where {@code compose logs} writes each container's bytes; called from one thread per container when following. */
@FunctionalInterface
public interface ComposeLogSink {

    void write(ContainerSummary container, ContainerOutput.Source source, byte[] bytes) throws IOException;
}
