package dev.berth.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.event.BuildEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frames of the live view against golden files: each folder of {@code src/test/resources/progress/} has
 * {@code events} (a script: {@code SECONDS KIND STEP [TEXT]} per event, then {@code live SECONDS WIDTH HEIGHT}
 * or {@code last SECONDS WIDTH}) and {@code frame}, the expected text. Times are seconds after the build
 * started, so the clock is fixed. Regenerate with {@code -Dberth.golden.update=true} and review the diff.
 */
class BuildViewGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/progress");
    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void frameMatchesGolden(String name) throws IOException {
        Path folder = GOLDEN.resolve(name);
        String frame = play(Files.readAllLines(folder.resolve("events"), StandardCharsets.UTF_8)).text();

        Path golden = folder.resolve("frame");
        if (Boolean.getBoolean("berth.golden.update")) {
            Files.writeString(golden, frame, StandardCharsets.UTF_8);
        }
        assertThat(frame).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** Feeds the script's events to a view and renders the frame its last line asks for. */
    static Frame play(List<String> script) {
        BuildView view = new BuildView(START);
        for (String line : script) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ", 4);
            switch (fields[0]) {
                case "live" -> {
                    return view.live(at(fields[1]), Integer.parseInt(fields[2]), Integer.parseInt(fields[3]));
                }
                case "last" -> {
                    return view.last(at(fields[1]), Integer.parseInt(fields[2]));
                }
                default -> view.record(event(fields[1], Integer.parseInt(fields[2]), fields.length > 3 ? unescape(fields[3]) : ""),
                        at(fields[0]));
            }
        }
        throw new UncheckedIOException(new IOException("the script renders no frame: end it with live or last"));
    }

    private static BuildEvent event(String kind, int step, String text) {
        return switch (kind) {
            case "started" -> new BuildEvent.StepStarted(step, text);
            case "cached" -> new BuildEvent.StepCached(step);
            case "output" -> new BuildEvent.StepOutput(step, text);
            case "miss" -> new BuildEvent.CacheMissExplained(step, text);
            case "done" -> new BuildEvent.StepDone(step, duration(text));
            case "failed" -> new BuildEvent.StepFailed(step, text);
            case "canceled" -> new BuildEvent.StepCanceled(step);
            default -> throw new IllegalArgumentException("unknown event kind " + kind);
        };
    }

    private static Instant at(String seconds) {
        return START.plus(duration(seconds));
    }

    private static Duration duration(String seconds) {
        return Duration.ofMillis(new BigDecimal(seconds).movePointRight(3).longValueExact());
    }

    /** {@code \e}, {@code \r}, {@code \t} and {@code \n} in a script stand for the control characters. */
    private static String unescape(String text) {
        return text.replace("\\e", "\u001B").replace("\\r", "\r").replace("\\t", "\t").replace("\\n", "\n");
    }
}
