package dev.berth.cli;

import dev.berth.api.ContainerOutput;
import dev.berth.api.ContainerSummary;
import dev.berth.api.compose.ComposeLabels;
import dev.berth.api.compose.ComposeLogSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code compose logs} lines: each prefixed with its container's name within the project ({@code web-1}, padded to
 * the longest) and {@code " | "}, as Docker Compose writes them without colour (Berth never colours them).
 * Containers write in chunks; a line is printed once it is whole, so lines of two containers never mix.
 */
final class ComposeLogPrinter implements ComposeLogSink {

    private final PrintStream out;
    private final boolean prefix;
    private final int width;
    private final Map<String, ByteArrayOutputStream> partial = new HashMap<>();

    ComposeLogPrinter(PrintStream out, List<ContainerSummary> containers, boolean prefix) {
        this.out = out;
        this.prefix = prefix;
        this.width = containers.stream().mapToInt(c -> shortName(c).length()).max().orElse(0);
    }

    /** {@code web-1}: the service and number, as Compose names a container in its log prefixes. */
    static String shortName(ContainerSummary container) {
        Map<String, String> labels = container.labels();
        String service = labels.get(ComposeLabels.SERVICE);
        if (service == null || "True".equalsIgnoreCase(labels.get(ComposeLabels.ONEOFF))) {
            return container.name();
        }
        return service + "-" + labels.getOrDefault(ComposeLabels.NUMBER, "1");
    }

    @Override
    public synchronized void write(ContainerSummary container, ContainerOutput.Source source, byte[] bytes) {
        ByteArrayOutputStream line = partial.computeIfAbsent(container.id(), id -> new ByteArrayOutputStream());
        for (byte b : bytes) {
            line.write(b);
            if (b == '\n') {
                emit(container, line);
            }
        }
    }

    /** The last lines without a newline. */
    synchronized void finish(List<ContainerSummary> containers) {
        for (ContainerSummary container : containers) {
            ByteArrayOutputStream line = partial.get(container.id());
            if (line != null && line.size() > 0) {
                line.write('\n');
                emit(container, line);
            }
        }
    }

    private void emit(ContainerSummary container, ByteArrayOutputStream line) {
        if (prefix) {
            String name = shortName(container);
            out.print(name + " ".repeat(Math.max(0, width - name.length())) + "  | ");
        }
        out.print(line.toString(StandardCharsets.UTF_8));
        out.flush();
        line.reset();
    }
}
