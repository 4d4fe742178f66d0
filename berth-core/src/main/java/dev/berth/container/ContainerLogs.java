package dev.berth.container;

import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code berth logs}: a container's k8s-file log written to a {@link LogSink}, stdout and stderr kept apart, with
 * Docker's {@code --tail}, {@code --since}, {@code --timestamps} and {@code --follow} (which reads on, across
 * rotations, until the container is no longer running and the log is read to its end).
 */
final class ContainerLogs {

    /** Docker's {@code RFC3339NanoFixed}: nine digits, always. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(100);

    private ContainerLogs() {
    }

    /**
     * @param running whether the container still runs (asked between reads while following)
     */
    static void copy(ContainerDirectory directory, LogOptions options, LogSink sink, BooleanSupplier running) {
        var reader = new ContainerLogReader(directory.log());
        try {
            List<LogLine> first = new ArrayList<>(reader.poll());
            if (!options.follow()) {
                first.addAll(reader.flush());
            }
            List<LogLine> selected = selected(first, options);
            if (options.tail().isPresent()) {
                int keep = options.tail().getAsInt();
                selected = selected.subList(Math.max(0, selected.size() - keep), selected.size());
            }
            write(selected, options, sink);
            while (options.follow()) {
                boolean stillRunning = running.getAsBoolean();
                write(selected(reader.poll(), options), options, sink);
                if (!stillRunning) {
                    write(selected(reader.flush(), options), options, sink);
                    return;
                }
                Thread.sleep(FOLLOW_INTERVAL);
            }
        } catch (IOException e) {
            throw new ExecutionException("reading the log of container " + directory.id() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<LogLine> selected(List<LogLine> lines, LogOptions options) {
        return options.since().map(since -> lines.stream().filter(line -> !line.time().isBefore(since)).toList())
                .orElse(lines);
    }

    private static void write(List<LogLine> lines, LogOptions options, LogSink sink) throws IOException {
        for (LogLine line : lines) {
            byte[] bytes = line.bytes();
            if (options.timestamps()) {
                byte[] stamp = (TIMESTAMP.format(line.time()) + " ").getBytes(StandardCharsets.US_ASCII);
                byte[] stamped = new byte[stamp.length + bytes.length];
                System.arraycopy(stamp, 0, stamped, 0, stamp.length);
                System.arraycopy(bytes, 0, stamped, stamp.length, bytes.length);
                bytes = stamped;
            }
            sink.write(line.stream(), bytes);
        }
    }
}
