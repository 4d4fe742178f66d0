package dev.berth.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a detached container was made with, as {@code docker inspect} shows it in {@code Config} and
 * {@code HostConfig}: the facts Berth records, nothing guessed.
 *
 * @param hostname    its hostname
 * @param user        the process's user ({@code ""} for the image's default)
 * @param env         the process's environment, {@code KEY=value}
 * @param workingDir  the process's working directory
 * @param tty         {@code -t}
 * @param stopSignal  the signal {@code stop} sends first
 * @param stopTimeout {@code --stop-timeout}, when given
 * @param autoRemove  {@code --rm}
 * @param networkMode the first network, as given ({@code bridge}, {@code host}, {@code none} or a user network)
 * @param dns         {@code --dns}
 * @param extraHosts  {@code --add-host}, {@code NAME:IP}
 * @param mounts      its binds, volumes and tmpfs mounts
 * @param publish     what it publishes now (empty once it stopped)
 * @param networks    one endpoint per network it is on, first first
 * @param command     its Entrypoint and Cmd apart; empty when not known (the process's arguments are its Cmd)
 * @param exposedPorts Docker's {@code Config.ExposedPorts} keys, sorted: the image's and the published ports
 *                    ({@code 80/tcp})
 */
public record ContainerConfigFacts(String hostname, String user, List<String> env, String workingDir, boolean tty,
        String stopSignal, OptionalInt stopTimeout, boolean autoRemove, String networkMode, List<String> dns,
        List<String> extraHosts, List<Mount> mounts, List<PortBinding> publish, List<Endpoint> networks,
        Optional<Command> command, List<String> exposedPorts) {

    /** Nothing known: Docker's zero values. */
    public static final ContainerConfigFacts NONE = new ContainerConfigFacts("", "", List.of(), "", false, "",
            OptionalInt.empty(), false, "", List.of(), List.of(), List.of(), List.of(), List.of());

    /** Without the command's split or the exposed ports ({@code Config.ExposedPorts} then lists {@code publish}). */
    public ContainerConfigFacts(String hostname, String user, List<String> env, String workingDir, boolean tty,
            String stopSignal, OptionalInt stopTimeout, boolean autoRemove, String networkMode, List<String> dns,
            List<String> extraHosts, List<Mount> mounts, List<PortBinding> publish, List<Endpoint> networks) {
        this(hostname, user, env, workingDir, tty, stopSignal, stopTimeout, autoRemove, networkMode, dns, extraHosts,
                mounts, publish, networks, Optional.empty(), publish.stream()
                        .map(port -> port.containerPort() + "/" + port.protocol()).distinct().sorted().toList());
    }

    public ContainerConfigFacts {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(user, "user");
        env = List.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(stopSignal, "stopSignal");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(networkMode, "networkMode");
        dns = List.copyOf(dns);
        extraHosts = List.copyOf(extraHosts);
        mounts = List.copyOf(mounts);
        publish = List.copyOf(publish);
        networks = List.copyOf(networks);
        Objects.requireNonNull(command, "command");
        exposedPorts = List.copyOf(exposedPorts);
    }

    /**
     * The command as Docker's {@code Config} keeps it.
     *
     * @param entrypoint {@code Config.Entrypoint}: the image's, or {@code --entrypoint}'s
     * @param cmd        {@code Config.Cmd}: the rest of the process's arguments
     */
    public record Command(List<String> entrypoint, List<String> cmd) {
        public Command {
            entrypoint = List.copyOf(entrypoint);
            cmd = List.copyOf(cmd);
        }
    }

    /**
     * One mount, as Docker's {@code Mounts[]}.
     *
     * @param type        {@code bind}, {@code volume} or {@code tmpfs}
     * @param name        the volume's name ({@code ""} for others)
     * @param source      the host path ({@code ""} for tmpfs)
     * @param destination the path in the container
     * @param readOnly    mounted read-only
     * @param anonymous   a volume made for this container ({@code -v /data}), Docker's {@code Config.Volumes}
     */
    public record Mount(String type, String name, String source, String destination, boolean readOnly,
            boolean anonymous) {
        public Mount {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * The container on one network, as Docker's {@code NetworkSettings.Networks.NAME}.
     *
     * @param network   the network's name
     * @param networkId its id ({@code ""} for host and none)
     * @param aliases   the user's aliases ({@code --network-alias})
     * @param ipAddress its address there ({@code ""} while it holds none)
     * @param prefixLen the subnet's prefix length (0 without an address)
     * @param gateway   the network's gateway ({@code ""} without an address)
     */
    public record Endpoint(String network, String networkId, List<String> aliases, String ipAddress, int prefixLen,
            String gateway) {
        public Endpoint {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(networkId, "networkId");
            aliases = List.copyOf(aliases);
            Objects.requireNonNull(ipAddress, "ipAddress");
            Objects.requireNonNull(gateway, "gateway");
        }
    }
}
