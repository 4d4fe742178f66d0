package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;

/** Two RUNs in a row, each a layer, where one would do. hadolint DL3059. */
record ConsecutiveRuns() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("ConsecutiveRunInstructions", List.of("DL3059"),
            PracticeLevel.INFO, "Combine consecutive RUN instructions",
            "join the commands into one RUN with && (and a \\ line break per command)",
            "Each RUN is a layer. Files one RUN creates and the next deletes stay in the image, and every layer"
                    + " costs a snapshot, a diff and a blob. Consecutive RUNs with nothing between them can usually be"
                    + " one; keep them apart only when a slow step should stay cached while a later one changes.");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            Instruction previous = stage.from();
            for (Instruction instruction : stage.instructions()) {
                // RUNs with mounts or network settings differ in more than their commands: they cannot merge.
                if (instruction instanceof Instruction.Run run && previous instanceof Instruction.Run before
                        && plain(run) && plain(before)) {
                    hits.add(new PracticeHit(run.location(), "RUN follows a RUN on line "
                            + before.location().startLine() + ": the two can be one layer"));
                }
                previous = instruction;
            }
        }
        return hits;
    }

    private static boolean plain(Instruction.Run run) {
        return run.mounts().isEmpty() && run.network().isEmpty() && run.security().isEmpty();
    }
}
