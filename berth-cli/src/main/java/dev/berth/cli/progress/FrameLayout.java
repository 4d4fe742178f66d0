package dev.berth.cli.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays out BuildKit's tty view: a header {@code [+] Building 12.3s (5/9)}, one line per step in the order
 * they started ({@code  => [stage-0 2/5] RUN make} with its duration at the right edge, {@code CACHED},
 * {@code ERROR} or {@code CANCELED} before the name), and under a running or failed step the last lines it
 * printed. Every line is clipped to the width; a live frame taller than the screen drops the oldest
 * finished steps first.
 */
final class FrameLayout {

    private static final String STEP = " => ";
    private static final String OUTPUT = " => => # ";
    private static final String NOTE = " => => ";
    /** {@code [stage-0 2/5] ...}: the stage label and its step count, to know how many steps are to come. */
    private static final Pattern POSITION = Pattern.compile("^\\[(.+) (\\d+)/(\\d+)] ");

    private FrameLayout() {
    }

    static Frame live(Instant started, List<TrackedStep> steps, Instant now, int width, int height) {
        List<List<Frame.Line>> blocks = new ArrayList<>();
        for (TrackedStep step : steps) {
            blocks.add(block(step, now, width, !step.finished() || step.status() == StepStatus.ERROR));
        }
        // The header and one spare line, so the cursor never scrolls the frame's first line away.
        int room = Math.max(1, height - 2);
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            shown.add(i);
        }
        int lines = blocks.stream().mapToInt(List::size).sum();
        for (int i = 0; i < steps.size() && lines > room; i++) {
            StepStatus status = steps.get(i).status();
            if (status == StepStatus.DONE || status == StepStatus.CACHED) {
                shown.remove(Integer.valueOf(i));
                lines -= blocks.get(i).size();
            }
        }
        List<Frame.Line> body = new ArrayList<>();
        shown.forEach(index -> body.addAll(blocks.get(index)));
        List<Frame.Line> frame = new ArrayList<>();
        frame.add(header(started, steps, now, width, false));
        frame.addAll(body.subList(Math.max(0, body.size() - room), body.size()));
        return new Frame(frame);
    }

    static Frame last(Instant started, List<TrackedStep> steps, Instant now, int width) {
        List<Frame.Line> frame = new ArrayList<>();
        frame.add(header(started, steps, now, width, true));
        for (TrackedStep step : steps) {
            TrackedStep ended = step.finished() ? step
                    : step.ended(StepStatus.CANCELED, step.elapsed(now));
            frame.addAll(block(ended, now, width, ended.status() == StepStatus.ERROR));
        }
        return new Frame(frame);
    }

    private static Frame.Line header(Instant started, List<TrackedStep> steps, Instant now, int width, boolean finished) {
        long completed = steps.stream()
                .filter(step -> step.status() == StepStatus.DONE || step.status() == StepStatus.CACHED).count();
        String text = "[+] Building " + seconds(now.isBefore(started) ? Duration.ZERO : Duration.between(started, now))
                + " (" + completed + "/" + expected(steps) + ")" + (finished ? " FINISHED" : "");
        return new Frame.Line(DisplayText.clip(text, width), Frame.Style.PLAIN);
    }

    /** The steps seen, or more when a started stage says it has steps still to come. */
    private static int expected(List<TrackedStep> steps) {
        Map<String, Integer> stageTotals = new LinkedHashMap<>();
        int unplaced = 0;
        for (TrackedStep step : steps) {
            Matcher position = POSITION.matcher(step.name());
            if (position.find()) {
                stageTotals.merge(position.group(1), Integer.parseInt(position.group(3)), Math::max);
            } else {
                unplaced++;
            }
        }
        return Math.max(steps.size(), unplaced + stageTotals.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static List<Frame.Line> block(TrackedStep step, Instant now, int width, boolean withTail) {
        List<Frame.Line> lines = new ArrayList<>();
        lines.add(stepLine(step, now, width));
        if (withTail) {
            step.tail().forEach(line -> lines.add(new Frame.Line(DisplayText.clip(OUTPUT + line, width), Frame.Style.OUTPUT)));
        }
        step.notes().forEach(note -> lines.add(new Frame.Line(DisplayText.clip(NOTE + note, width), Frame.Style.OUTPUT)));
        return lines;
    }

    private static Frame.Line stepLine(TrackedStep step, Instant now, int width) {
        String marker = switch (step.status()) {
            case RUNNING, DONE -> "";
            case CACHED -> "CACHED ";
            case ERROR -> "ERROR ";
            case CANCELED -> "CANCELED ";
        };
        Frame.Style style = switch (step.status()) {
            case RUNNING -> Frame.Style.PLAIN;
            case DONE, CACHED -> Frame.Style.DONE;
            case ERROR -> Frame.Style.ERROR;
            case CANCELED -> Frame.Style.CANCELED;
        };
        String duration = seconds(step.elapsed(now));
        String name = STEP + marker + DisplayText.line(step.name());
        int nameRoom = width - duration.length() - 1;
        if (nameRoom < STEP.length()) {
            return new Frame.Line(DisplayText.clip(name, width), style);
        }
        String shown = DisplayText.clip(name, nameRoom);
        String gap = " ".repeat(width - DisplayText.columns(shown) - duration.length());
        return new Frame.Line(shown + gap + duration, style);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
