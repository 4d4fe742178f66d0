package dev.berth.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names temporary files after the process writing them ({@code <pid>-<start millis>-<random>.<kind>}),
 * so a later process can tell a file whose writer is still running from one a killed writer left.
 * The start time guards against a recycled pid.
 *
 * @param pid the writer's process id
 * @param startMillis the writer's start time in epoch milliseconds, 0 when the OS does not say
 */
record TempFileOwner(long pid, long startMillis) {

    private static final Pattern NAME = Pattern.compile("(\\d+)-(\\d+)-[0-9a-f]{16}\\.[a-z]+");

    static TempFileOwner currentProcess() {
        ProcessHandle self = ProcessHandle.current();
        return new TempFileOwner(self.pid(), startMillis(self));
    }

    /** The owner a temp file's name records, or empty when the name is not one of ours. */
    static Optional<TempFileOwner> of(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TempFileOwner(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    String newFileName(String kind, SecureRandom random) {
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        return pid + "-" + startMillis + "-" + HexFormat.of().formatHex(suffix) + "." + kind;
    }

    /** True while the process that named the file still runs (same pid and same start time). */
    boolean isAlive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(process -> startMillis == 0 || startMillis(process) == 0 || startMillis(process) == startMillis)
                .orElse(false);
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
