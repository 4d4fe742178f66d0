package dev.berth.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The container commands of the AOT training ({@link AotTraining}): a foreground {@code run --rm}, a detached
 * container listed, inspected, logged, stopped and removed, so that {@code ps} and {@code run} start with their
 * classes loaded and linked (without them, {@code ps} of 50 containers spent most of its time loading and
 * interpreting the record and phase code). Needs root, a runtime, conmon and a static {@code /bin/busybox} (Debian's
 * busybox-static; a dynamic one fails at exec, after most of the path) to run anything; without them the commands
 * fail early and the cache is only smaller. No network: every container is {@code --network none}. The containers
 * live in the training's throwaway store; the detached one sleeps 20 s only, so a training killed midway leaves
 * no container running for long.
 */
final class AotContainerTraining {

    private static final Path BUSYBOX = Path.of("/bin/busybox");

    private AotContainerTraining() {
    }

    static void train(Path work, String root, BiConsumer<List<String>, PrintStream> run, PrintStream report)
            throws IOException {
        if (!Files.isRegularFile(BUSYBOX)) {
            return;
        }
        Path context = Files.createDirectories(work.resolve("container-context"));
        Files.copy(BUSYBOX, context.resolve("busybox"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY busybox /bin/busybox\n");
        run.accept(List.of("build", "--root", root, "-q", "-t", "training-box:1", context.toString()), report);
        run.accept(List.of("run", "--root", root, "--rm", "--network", "none", "training-box:1", "/bin/busybox", "true"),
                report);
        run.accept(List.of("run", "--root", root, "-d", "--network", "none", "--name", "training-box", "training-box:1",
                "/bin/busybox", "sleep", "20"), report);
        run.accept(List.of("ps", "--root", root), report);
        run.accept(List.of("ps", "--root", root, "-a"), report);
        run.accept(List.of("inspect", "--root", root, "training-box"), report);
        run.accept(List.of("logs", "--root", root, "training-box"), report);
        run.accept(List.of("port", "--root", root, "training-box"), report);
        run.accept(List.of("stop", "--root", root, "-t", "0", "training-box"), report);
        run.accept(List.of("rm", "--root", root, "-f", "training-box"), report);
    }
}
