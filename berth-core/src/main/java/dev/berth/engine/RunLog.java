package dev.berth.engine;

import dev.berth.event.BuildEvent;
import dev.berth.event.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where a RUN step's output goes: the whole of it to a file on disk, each line to the listener, and the
 * last lines kept to show when the step fails.
 */
final class RunLog extends OutputStream {

    private static final int KEPT_LINES = 10;

    private final OutputStream file;
    private final ProgressListener listener;
    private final int step;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Deque<String> last = new ArrayDeque<>();

    RunLog(OutputStream file, ProgressListener listener, int step) {
        this.file = file;
        this.listener = listener;
        this.step = step;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        file.write(b);
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            flushLine();
        }
        file.close();
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        listener.on(new BuildEvent.StepOutput(step, text));
        last.addLast(text);
        if (last.size() > KEPT_LINES) {
            last.removeFirst();
        }
    }
}
