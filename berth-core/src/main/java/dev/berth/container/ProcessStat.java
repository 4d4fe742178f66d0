package dev.berth.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc/PID/stat} says of a process: its command name (the kernel's {@code comm}, at most 15 bytes)
 * and its state letter. Read instead of asking the runtime: {@code runc state} is a process of its own (about 40 ms),
 * paid per container by every {@code ps}.
 *
 * @param command the name between the parentheses ({@code conmon}, {@code runc:[2:INIT]}, {@code sleep})
 * @param state   {@code R}, {@code S}, {@code D}, {@code Z} (zombie), {@code X} (dead), ...
 * @param parent  the parent's pid (0 when the line does not say)
 */
record ProcessStat(String command, String state, long parent) {

    /** The process's stat; empty when there is no such process (or it went while being read). */
    static Optional<ProcessStat> of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /** A stat line: {@code PID (COMM) STATE PPID ...}; the name may hold spaces and parentheses, so the last ')' ends it. */
    static Optional<ProcessStat> parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] rest = stat.substring(close + 1).strip().split(" ");
        long parent = 0;
        if (rest.length > 1) {
            try {
                parent = Long.parseLong(rest[1]);
            } catch (NumberFormatException notANumber) {
                parent = 0;
            }
        }
        return Optional.of(new ProcessStat(stat.substring(open + 1, close), rest[0].isEmpty() ? "" : rest[0].substring(0, 1),
                parent));
    }

    /** Alive: neither a zombie waiting for its reaper nor dead. */
    boolean alive() {
        return !state.equals("Z") && !state.equals("X");
    }
}
