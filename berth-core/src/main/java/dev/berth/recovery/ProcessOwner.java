package dev.berth.recovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A process, named so that a reused pid is not mistaken for it: its pid, its start time in clock ticks after
 * boot (field 22 of {@code /proc/PID/stat}, exact where the JDK's start instant is rounded) and the boot's ID
 * ({@code /proc/sys/kernel/random/boot_id}, so a record from before a reboot never names a process of this one).
 */
public record ProcessOwner(long pid, long startTicks, String bootId) {

    private static final Path PROC = Path.of("/proc");

    public ProcessOwner {
        Objects.requireNonNull(bootId, "bootId");
        if (pid <= 0) {
            throw new IllegalArgumentException("a pid is positive: " + pid);
        }
    }

    /** This process. */
    public static ProcessOwner current() {
        long pid = ProcessHandle.current().pid();
        try {
            return running(pid).orElseThrow(() -> new IllegalStateException("/proc has no entry for this process " + pid));
        } catch (IOException e) {
            throw new IllegalStateException("reading /proc/" + pid + "/stat: " + e.getMessage(), e);
        }
    }

    /**
     * True unless this process has certainly exited: no process has its pid, or the one that has it started at
     * another time or in another boot. When {@code /proc} cannot be read the answer is true, so that what cannot
     * be proven abandoned is left alone.
     */
    public boolean isAlive() {
        try {
            return running(pid).map(this::equals).orElse(false);
        } catch (IOException unreadable) {
            return true;
        }
    }

    /** The process running with this pid now, or empty if there is none. */
    static Optional<ProcessOwner> running(long pid) throws IOException {
        String stat;
        try {
            stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        String bootId = Files.readString(PROC.resolve("sys/kernel/random/boot_id"), StandardCharsets.UTF_8).strip();
        return Optional.of(new ProcessOwner(pid, startTicks(stat), bootId));
    }

    /**
     * Field 22 of a {@code /proc/PID/stat} line. The second field, the command name in parentheses, may itself hold
     * spaces and parentheses, so fields are counted after the last {@code )}.
     */
    static long startTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + stat);
        }
        String[] fields = stat.substring(close + 1).strip().split(" ");
        // fields[0] is field 3 (the state), so field 22 is at index 19.
        if (fields.length < 20) {
            throw new IllegalArgumentException("a /proc/PID/stat line with " + (fields.length + 2) + " fields: " + stat);
        }
        return Long.parseLong(fields[19]);
    }
}
