package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.ShellOrExec;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shell-form RUN with a pipe while the stage's shell lacks {@code -o pipefail}: {@code curl URL | tar -x} passes
 * when curl fails, as only the last command's status counts. hadolint DL4006.
 */
record PipefailShell() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("PipeWithoutPipefail", List.of("DL4006"),
            PracticeLevel.WARNING, "Set -o pipefail before a RUN with a pipe",
            "add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN (or start it with set -o pipefail &&)",
            "A pipeline's status is its last command's: in RUN curl -fsSL URL | tar -xz, a failed download gives"
                    + " tar an empty input, and the step may pass and cache a broken layer. With pipefail, any failing"
                    + " command in the pipe fails the RUN.");

    /** A single {@code |}, not {@code ||}. */
    private static final Pattern PIPE = Pattern.compile("(?<![|])\\|(?![|])");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            boolean pipefail = inherited(input, stage);
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof Instruction.Shell shell) {
                    pipefail = sets(shell);
                } else if (instruction instanceof Instruction.Run run && !pipefail
                        && run.command() instanceof ShellOrExec.ShellForm form
                        && PIPE.matcher(form.command()).find() && !form.command().contains("pipefail")) {
                    hits.add(new PracticeHit(run.location(),
                            "RUN pipes without -o pipefail: only the last command's failure fails the step"));
                }
            }
        }
        return hits;
    }

    /** Whether the stage starts with a pipefail SHELL from the stage it is built on. */
    private static boolean inherited(PracticeInput input, Stage stage) {
        Optional<Stage> parent = input.parent(stage);
        if (parent.isEmpty()) {
            return false;
        }
        boolean pipefail = inherited(input, parent.get());
        for (Instruction instruction : parent.get().instructions()) {
            if (instruction instanceof Instruction.Shell shell) {
                pipefail = sets(shell);
            }
        }
        return pipefail;
    }

    private static boolean sets(Instruction.Shell shell) {
        List<String> words = shell.shell();
        // PowerShell and cmd have no pipefail: their pipes are not POSIX pipes.
        String executable = ShellCommands.executable(words.getFirst());
        return words.contains("pipefail")
                || executable.startsWith("pwsh") || executable.startsWith("powershell") || executable.startsWith("cmd");
    }
}
