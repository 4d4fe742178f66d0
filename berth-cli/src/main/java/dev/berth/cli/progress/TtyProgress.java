package dev.berth.cli.progress;

import dev.berth.api.BuildResult;
import dev.berth.api.Output;
import dev.berth.event.BuildEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The live view on a terminal: events only update the {@link BuildView} (no I/O on the build's threads);
 * a virtual thread redraws the frame in place with ANSI escapes at most ten times a second. When the build
 * ends the final frame stays on screen, then the summary, as BuildKit's tty progress does.
 */
final class TtyProgress implements ProgressView {

    static final Duration REDRAW_EVERY = Duration.ofMillis(100);

    private static final String RESET = "\u001B[0m";

    private final PrintWriter err;
    private final Clock clock;
    private final TerminalSize size;
    private final BuildView view;
    private final Thread painter;
    private final Object screen = new Object();
    private volatile boolean ended;
    /** Lines of the frame on screen now, which the next draw moves back over; guarded by {@code screen}. */
    private int drawn;

    TtyProgress(PrintWriter err, Clock clock, TerminalSize size) {
        this.err = Objects.requireNonNull(err, "err");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.size = Objects.requireNonNull(size, "size");
        this.view = new BuildView(clock.instant());
        this.painter = Thread.ofVirtual().name("berth-progress").start(this::paint);
    }

    @Override
    public void on(BuildEvent event) {
        view.record(event, clock.instant());
    }

    @Override
    public void succeeded(BuildResult result, List<Output> outputs) {
        end();
        ExportSummary export = ExportSummary.of(result, outputs);
        StringBuilder summary = new StringBuilder(" => ").append(export.heading()).append('\n');
        export.lines().forEach(line -> summary.append(" => => ").append(line).append('\n'));
        CheckSummary.lines(result.warnings()).forEach(line -> summary.append(line).append('\n'));
        err.print(summary);
        err.flush();
    }

    @Override
    public void failed() {
        end();
    }

    /** Stops the painter and draws the final frame; nothing at all when no step started (a Dockerfile error). */
    private void end() {
        ended = true;
        painter.interrupt();
        try {
            painter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (screen) {
            if (view.isEmpty()) {
                draw(new Frame(List.of()));
            } else {
                draw(view.last(clock.instant(), size.columns()));
            }
        }
    }

    private void paint() {
        while (!ended) {
            synchronized (screen) {
                if (!ended) {
                    draw(view.live(clock.instant(), size.columns(), size.rows()));
                }
            }
            try {
                Thread.sleep(REDRAW_EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Moves up over the previous frame, rewrites each line and clears what the previous frame left below. */
    private void draw(Frame frame) {
        StringBuilder text = new StringBuilder();
        if (drawn > 0) {
            text.append("\r\u001B[").append(drawn).append('A');
        }
        for (Frame.Line line : frame.lines()) {
            String colour = colour(line.style());
            text.append("\u001B[2K").append(colour).append(line.text()).append(colour.isEmpty() ? "" : RESET).append('\n');
        }
        text.append("\u001B[J");
        err.print(text);
        err.flush();
        drawn = frame.lines().size();
    }

    /** BuildKit's colours: finished steps blue, errors red, canceled yellow, output faint. */
    private static String colour(Frame.Style style) {
        return switch (style) {
            case PLAIN -> "";
            case DONE -> "\u001B[34m";
            case ERROR -> "\u001B[31m";
            case CANCELED -> "\u001B[33m";
            case OUTPUT -> "\u001B[2m";
        };
    }
}
