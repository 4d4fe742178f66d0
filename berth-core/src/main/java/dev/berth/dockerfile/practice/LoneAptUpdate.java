package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code RUN apt-get update} with no install after it in the same RUN: a cached, stale index for later RUNs. */
record LoneAptUpdate() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("AptUpdateAlone", List.of(), PracticeLevel.WARNING,
            "Run apt-get update in the same RUN as apt-get install",
            "RUN apt-get update && apt-get install -y PKG=VERSION && rm -rf /var/lib/apt/lists/*",
            "The layer of a RUN apt-get update alone is cached: when a later RUN's package list changes, it"
                    + " installs from the index cached weeks ago, which may name versions the mirror no longer has,"
                    + " and the build fails or installs old packages. In one RUN, the index is always as fresh as"
                    + " the install.");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof Instruction.Run run
                        && !ShellCommands.invocations(run, Set.of("apt-get", "apt"), Set.of("update")).isEmpty()
                        && ShellCommands.invocations(run, Set.of("apt-get", "apt"),
                                Set.of("install", "upgrade", "dist-upgrade", "full-upgrade")).isEmpty()) {
                    hits.add(new PracticeHit(run.location(), "apt-get update without an install in the same RUN"));
                }
            }
        }
        return hits;
    }
}
