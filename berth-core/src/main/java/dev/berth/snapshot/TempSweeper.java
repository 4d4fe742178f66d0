package dev.berth.snapshot;

import dev.berth.layer.TreeRemover;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Removes from a snapshotter's {@code tmp/} the directories of processes that are gone. Every process that opens
 * the snapshotter sweeps, so several may find the same leftover at once: each first claims it by renaming it to a
 * name of its own ({@code swept-<pid>-<random>}), and only the one whose rename succeeds removes it. The others'
 * renames find nothing (someone else has it) and a claimed directory names a live process, so no two processes ever
 * walk the same tree. A claimer killed mid-removal leaves a directory named after a dead process: the next sweep
 * claims it again. A leftover that cannot be removed stays for a later sweep: someone else's leftover never fails
 * the caller.
 */
final class TempSweeper {

    /** The two things a sweep does to an abandoned directory, as steps a test can interleave another sweep with. */
    interface Steps {
        /** Called once a directory is found abandoned, before it is claimed. */
        void found(Path abandoned) throws IOException;

        /** Removes a claimed directory. */
        void remove(Path claimed) throws IOException;
    }

    private static final Steps REMOVE = new Steps() {
        @Override
        public void found(Path abandoned) {
        }

        @Override
        public void remove(Path claimed) throws IOException {
            TreeRemover.delete(claimed);
        }
    };

    private final Path tmp;
    private final Steps steps;

    TempSweeper(Path tmp) {
        this(tmp, REMOVE);
    }

    TempSweeper(Path tmp, Steps steps) {
        this.tmp = tmp;
        this.steps = steps;
    }

    /**
     * Sweeps once and returns the leftovers this process removed. Only listing {@code tmp/} itself can fail; a
     * leftover this sweep could not claim or remove is skipped.
     */
    List<Path> sweep() throws IOException {
        List<Path> removed = new ArrayList<>();
        for (Path temp : abandoned()) {
            try {
                steps.found(temp);
                Path claimed = tmp.resolve("swept-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
                Files.move(temp, claimed, StandardCopyOption.ATOMIC_MOVE);
                steps.remove(claimed);
                removed.add(temp);
            } catch (NoSuchFileException anotherSweepClaimedIt) {
                // Renamed away by another process's sweep between the listing and the claim: it removes it.
            } catch (IOException stillThere) {
                // Say a mount point left below it: under this process's name it waits for a sweep after this one ends.
            }
        }
        return List.copyOf(removed);
    }

    /** The directory names {@link SnapshotDirectories#newTemp} gives: {@code <what>-<pid>-<random>}. */
    static OptionalLong ownerPid(String name) {
        String[] parts = name.split("-");
        if (parts.length < 2 || parts[1].isEmpty() || parts[1].length() > 18 || !parts[1].chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(parts[1]));
    }

    /**
     * Entries of {@code tmp/} whose owner is gone. A name that records no pid names no owner that could still use
     * it (Berth gives none such), so it goes too, as it always did. A recycled pid keeps a leftover one sweep
     * longer, never sweeps a live one.
     */
    private List<Path> abandoned() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(tmp)) {
            for (Path temp : temps) {
                OptionalLong pid = ownerPid(temp.getFileName().toString());
                if (pid.isEmpty() || ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).isEmpty()) {
                    found.add(temp);
                }
            }
        }
        return found;
    }
}
