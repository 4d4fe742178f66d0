package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.util.List;
import java.util.Optional;

/**
 * The image the build produces runs as root: its final stage's last USER is root or 0, or no stage it builds on
 * sets a USER at all. hadolint DL3002 covers only the first case.
 */
record RootUser() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("FinalStageRunsAsRoot", List.of("DL3002"),
            PracticeLevel.WARNING, "Run the final image as a non-root user",
            "create a user (RUN useradd -r -u 10001 app) and end the final stage with USER app (or USER 10001)",
            "A process running as root in a container is root on the files it can reach: a volume, a"
                    + " mis-mounted host path, or a kernel bug away from the host. Images run as root unless the"
                    + " Dockerfile says otherwise, so a missing USER means root. Switch to root for steps that need"
                    + " it, then back to an unprivileged user before the stage ends.");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        Stage stage = input.finalStage();
        while (true) {
            Optional<Instruction.User> last = stage.instructions().stream()
                    .filter(Instruction.User.class::isInstance).map(Instruction.User.class::cast)
                    .reduce((first, second) -> second);
            if (last.isPresent()) {
                String user = last.get().user().strip();
                String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
                return name.equals("root") || name.equals("0")
                        ? List.of(new PracticeHit(last.get().location(), "the final stage runs as " + user))
                        : List.of();
            }
            Optional<Stage> parent = input.parent(stage);
            if (parent.isEmpty()) {
                break;
            }
            stage = parent.get();
        }
        return List.of(new PracticeHit(input.finalStage().from().location(),
                "the final stage sets no USER, so it runs as root"));
    }
}
