package dev.berth.cli;

import com.sun.management.OperatingSystemMXBean;
import dev.berth.event.BuildEvent;
import dev.berth.event.ProgressListener;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/**
 * Phase times for start-up work: with {@code BERTH_TRACE_TIMING} set (to anything but empty or 0),
 * each {@link #mark} prints {@code berth timing: <ms since the JVM started> <ms of CPU used> <phase>} on
 * standard error (the CPU figure says more than the wall time on a loaded machine),
 * and {@link #around} adds a line per build step. Unset, a mark is one boolean test: nothing is loaded,
 * nothing printed. The clock is the JVM's uptime, so the first mark shows what the JVM took to reach
 * {@code main}.
 */
record TimingTrace(boolean enabled, PrintStream err) {

    /** The trace the environment asks for. */
    static TimingTrace of(Map<String, String> environment, PrintStream err) {
        String value = environment.getOrDefault("BERTH_TRACE_TIMING", "");
        return new TimingTrace(!value.isEmpty() && !value.equals("0"), err);
    }

    void mark(String phase) {
        if (enabled) {
            long cpuNanos = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            err.printf(Locale.ROOT, "berth timing: %6d ms  cpu %6d ms  %s%n", ManagementFactory.getRuntimeMXBean().getUptime(),
                    cpuNanos / 1_000_000, phase);
        }
    }

    /** {@code listener}, also marking each step's start, cache hit and end when the trace is on. */
    ProgressListener around(ProgressListener listener) {
        if (!enabled) {
            return listener;
        }
        return event -> {
            switch (event) {
                case BuildEvent.StepStarted started -> mark("step " + started.step() + " started: " + started.name());
                case BuildEvent.StepCached cached -> mark("step " + cached.step() + " cached");
                case BuildEvent.StepDone done -> mark("step " + done.step() + " done");
                case BuildEvent.StepOutput _, BuildEvent.CacheMissExplained _, BuildEvent.StepFailed _, BuildEvent.StepCanceled _ -> { }
            }
            listener.on(event);
        };
    }
}
