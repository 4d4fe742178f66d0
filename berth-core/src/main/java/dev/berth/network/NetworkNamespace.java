package dev.berth.network;

import dev.berth.error.ExecutionException;
import dev.berth.runtime.Namespace;
import dev.berth.runtime.NamespaceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named network namespace made with iproute2 ({@code ip netns add NAME}): a namespace kept alive by a bind mount on
 * {@code /run/netns/NAME}, so it exists before the container's process does and netavark can fill it. The container
 * joins it through its runtime spec, {@code linux.namespaces[type=network].path} ({@link #runtimeNamespace()}).
 * Delete it only after netavark's teardown: netavark needs it to remove the container's rules and interfaces.
 *
 * @param name the namespace's name
 * @param path {@code /run/netns/NAME}
 */
public record NetworkNamespace(String name, Path path) {

    private static final Path RUN_NETNS = Path.of("/run/netns");
    private static final String IP = Files.isExecutable(Path.of("/usr/sbin/ip")) ? "/usr/sbin/ip"
            : Files.isExecutable(Path.of("/usr/bin/ip")) ? "/usr/bin/ip" : "ip";

    public NetworkNamespace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("not a network namespace name: " + name);
        }
    }

    /** The namespace {@code name} (which need not exist). */
    public static NetworkNamespace named(String name) {
        return new NetworkNamespace(name, RUN_NETNS.resolve(name));
    }

    /** Berth's name for the namespace of {@code container}: {@code berth-} and its short id. */
    public static NetworkNamespace of(ContainerRef container) {
        return named("berth-" + container.shortId());
    }

    /** Creates the namespace, with its loopback device up (a new namespace has it down). */
    public static NetworkNamespace create(String name) {
        NetworkNamespace namespace = named(name);
        ip("creating network namespace " + name, "netns", "add", name);
        try {
            ip("bringing up lo in network namespace " + name, "-n", name, "link", "set", "lo", "up");
        } catch (ExecutionException e) {
            namespace.delete();
            throw e;
        }
        return namespace;
    }

    /** Whether the namespace's file exists. */
    public boolean exists() {
        return Files.exists(path);
    }

    /** Deletes the namespace; one already gone (or deleted meanwhile by another process) is no error. */
    public void delete() {
        if (exists()) {
            try {
                ip("deleting network namespace " + name, "netns", "delete", name);
            } catch (ExecutionException e) {
                if (exists()) {
                    throw e;
                }
            }
        }
    }

    /** The namespace entry for the container's runtime spec: join this one rather than make a new one. */
    public Namespace runtimeNamespace() {
        return new Namespace(NamespaceType.NETWORK, Optional.of(path));
    }

    private static void ip(String action, String... args) {
        List<String> command = new ArrayList<>(List.of(IP));
        command.addAll(List.of(args));
        ExternalCommand run = ExternalCommand.run(action, command, new byte[0]);
        if (!run.succeeded()) {
            throw new ExecutionException(action + ": ip exited with " + run.exitCode() + ": " + run.errorText());
        }
    }
}
