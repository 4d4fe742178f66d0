package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A RUN that installs packages and keeps the package manager's cache in its layer: apt lists not removed in the
 * same RUN, pip without {@code --no-cache-dir}, apk without {@code --no-cache}. hadolint DL3009, DL3042, DL3019.
 */
record PackageCaches() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("PackageCacheInLayer", List.of("DL3009", "DL3042", "DL3019"),
            PracticeLevel.WARNING, "Clean package caches in the RUN that fills them",
            "end the RUN with && rm -rf /var/lib/apt/lists/*; use pip install --no-cache-dir; use apk add --no-cache",
            "A layer keeps every file its RUN leaves. The apt lists, pip's wheel cache and apk's index are tens of"
                    + " megabytes nothing needs at run time; deleting them in a later RUN does not shrink the image, as"
                    + " the earlier layer still holds them. Clean up in the same RUN, or use a cache mount"
                    + " (RUN --mount=type=cache,...), which never reaches the image.");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof Instruction.Run run && run.mounts().isEmpty()) {
                    List<String> left = new ArrayList<>();
                    List<String> fixes = new ArrayList<>();
                    String script = ShellCommands.script(run);
                    if (!ShellCommands.invocations(run, Set.of("apt-get", "apt"), Set.of("install")).isEmpty()
                            && !script.contains("/var/lib/apt/lists")) {
                        left.add("apt lists (/var/lib/apt/lists)");
                        fixes.add("end the RUN with && rm -rf /var/lib/apt/lists/*");
                    }
                    if (ShellCommands.invocations(run, Set.of("pip", "pip3"), Set.of("install")).stream()
                            .anyMatch(pip -> !ShellCommands.hasOption(pip, "--no-cache-dir"))) {
                        left.add("pip's cache (no --no-cache-dir)");
                        fixes.add("use pip install --no-cache-dir");
                    }
                    if (ShellCommands.invocations(run, Set.of("apk"), Set.of("add")).stream()
                            .anyMatch(apk -> !ShellCommands.hasOption(apk, "--no-cache"))
                            && !script.contains("/var/cache/apk")) {
                        left.add("apk's index (no --no-cache)");
                        fixes.add("use apk add --no-cache");
                    }
                    if (!left.isEmpty()) {
                        hits.add(new PracticeHit(run.location(), "package cache left in the layer: "
                                + String.join(", ", left), java.util.Optional.of(String.join("; ", fixes))));
                    }
                }
            }
        }
        return hits;
    }
}
