package dev.berth.container;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * conmon's exit command for a {@code --rm} container, one on bridge networks or one with a restart policy:
 * {@code ContainerCleanup ROOT SOCKETS ID [NETWORKS NETAVARK_RUN]} removes a {@code --rm} container once its process
 * has exited, with no Berth process running, and tears down the networks of any other (its namespace goes too, so
 * that {@code start} sets them up afresh and a stopped container holds no host port or address), then carries out
 * the container's restart policy ({@link RestartOnExit}). It first waits for
 * the record to say the container was started: a start that is still going on (or failing, and then removing
 * everything itself) is not raced.
 */
public final class ContainerCleanup {

    private static final Duration START_WAIT = Duration.ofSeconds(30);

    private ContainerCleanup() {
    }

    /** This JVM's {@code java} running this class: the default exit command (ROOT, SOCKETS and ID are appended). */
    public static List<String> javaCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(java.toString(), "-cp", System.getProperty("java.class.path"), ContainerCleanup.class.getName());
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3 && args.length != 5) {
            System.err.println("usage: ContainerCleanup ROOT SOCKETS ID [NETWORKS NETAVARK_RUN]");
            System.exit(2);
        }
        var records = new ContainerRecords(Path.of(args[0]));
        String id = args[2];
        Optional<BridgeAttachments> bridges = args.length == 5
                ? Optional.of(new BridgeAttachments(Path.of(args[3]), Path.of(args[4]), Clock.systemUTC()))
                : Optional.empty();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            Optional<ContainerRecord> record = records.all().stream().filter(r -> r.id().equals(id)).findFirst();
            if (record.isEmpty()) {
                return;
            }
            if (record.get().started().isPresent()) {
                ContainerDirectory directory = records.directory(id);
                if (ContainerPhases.read(record.get(), directory).isRunning()) {
                    return;
                }
                if (record.get().autoRemove()) {
                    ContainerRemoval.remove(records, record.get(), Path.of(args[1]), bridges, false);
                    return;
                }
                if (record.get().network().bridged() && bridges.isPresent()) {
                    try {
                        bridges.get().detach(BridgeAttachments.reference(record.get()));
                    } catch (RuntimeException e) {
                        // Told to conmon's log; the restart below sets the networks up afresh either way, and the
                        // sweep retries what was left (the owner file stays).
                        System.err.println("container " + id + ": " + e.getMessage());
                    }
                }
                if (record.get().restart().restarts() && bridges.isPresent()) {
                    RestartOnExit.apply(records, record.get(), Path.of(args[1]), bridges.get());
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                System.err.println("container " + id + " was not started within " + START_WAIT + "; left for rm");
                System.exit(1);
            }
            Thread.sleep(50);
        }
    }
}
