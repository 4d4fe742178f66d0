package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code apt-get install curl}, {@code pip install flask}, {@code apk add curl}: versions left to chance. */
record PackagePinning() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("PackagesNotPinned", List.of("DL3008", "DL3013", "DL3018"),
            PracticeLevel.WARNING, "Pin the versions of installed packages",
            "apt-get install PKG=VERSION, apk add PKG=VERSION, pip install PKG==VERSION (or a pinned requirements file)",
            "Without a version, each build installs whatever the mirror has that day: the image changes without the"
                    + " Dockerfile changing, and a cached layer and a fresh one disagree. Pinning makes the change a"
                    + " commit you can see and revert.");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof Instruction.Run run) {
                    List<String> loose = new ArrayList<>();
                    unpinned(run, Set.of("apt-get", "apt"), Set.of("install"), "=", loose);
                    unpinned(run, Set.of("apk"), Set.of("add"), "=", loose);
                    unpinned(run, Set.of("pip", "pip3"), Set.of("install"), "==", loose);
                    if (!loose.isEmpty()) {
                        hits.add(new PracticeHit(run.location(), "packages installed without a version: "
                                + String.join(", ", loose)));
                    }
                }
            }
        }
        return hits;
    }

    private static void unpinned(Instruction.Run run, Set<String> tools, Set<String> subcommands, String pin,
            List<String> loose) {
        for (List<String> invocation : ShellCommands.invocations(run, tools, subcommands)) {
            for (String operand : ShellCommands.operands(invocation)) {
                // Files, URLs and directories name exactly what they install.
                boolean local = operand.contains("/") || operand.endsWith(".deb") || operand.endsWith(".whl")
                        || operand.endsWith(".tar.gz") || operand.equals(".");
                if (!local && !operand.contains(pin) && !operand.contains("$")) {
                    loose.add(operand);
                }
            }
        }
    }
}
