package dev.berth.engine;

import dev.berth.error.ExecutionException;
import dev.berth.image.LayerRef;
import dev.berth.layer.LayerEntry;
import dev.berth.layer.LayerStorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Records each RUN and, instead of running it, writes a layer with one file {@code run/<n>} holding the
 * command. A command containing {@code sleep} waits a second; {@code fail} exits 2 after printing;
 * {@code block} waits until its thread is interrupted (at most a minute) and then fails as a runtime does.
 */
final class FakeRunExecutor implements RunStepExecutor {

    record Span(Instant start, Instant end) {}

    final List<RunInvocation> invocations = Collections.synchronizedList(new ArrayList<>());
    final List<Span> spans = Collections.synchronizedList(new ArrayList<>());
    dev.berth.store.ContentStore content;

    @Override
    public Optional<LayerRef> run(RunInvocation invocation) {
        Instant start = Instant.now();
        invocations.add(invocation);
        String command = String.join(" ", invocation.process().args());
        if (command.contains("sleep")) {
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (command.contains("block")) {
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecutionException("interrupted while waiting for the fake runtime", e);
            }
        }
        if (command.contains("fail")) {
            try {
                invocation.log().write("compiling\nerror: it broke\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            throw new ExecutionException("process exited with code 2");
        }
        spans.add(new Span(start, Instant.now()));
        if (content == null) {
            return Optional.empty();
        }
        invocation.beforeLayerWrite().run();
        LayerEntry file = LayerEntry.file("run/" + invocations.size(), 0644, Instant.EPOCH,
                command.getBytes(StandardCharsets.UTF_8));
        return Optional.of(new LayerStorer(content, invocation.sourceDateEpoch())
                .store(List.of(LayerEntry.directory("run", 0755, Instant.EPOCH), file)));
    }
}
