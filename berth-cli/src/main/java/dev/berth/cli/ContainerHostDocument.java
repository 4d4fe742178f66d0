package dev.berth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.ContainerConfigFacts;
import dev.berth.api.ContainerDetails;
import dev.berth.api.PortBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker inspect}'s {@code HostConfig} for a container (Docker 20.10's {@code container.HostConfig}, in its
 * order): the binds, network mode, port bindings, restart policy, {@code --rm}, DNS, extra hosts and tmpfs mounts
 * Berth records; Docker's zero values for the resources and security options it does not record.
 */
final class ContainerHostDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContainerHostDocument() {
    }

    static ObjectNode hostConfig(ContainerDetails details) {
        ContainerConfigFacts facts = details.config();
        ObjectNode host = NODES.objectNode();
        ContainerDocument.strings(host, "Binds", binds(facts.mounts()));
        host.put("ContainerIDFile", "");
        host.putObject("LogConfig").put("Type", "k8s-file").putObject("Config");
        host.put("NetworkMode", facts.networkMode().isEmpty() ? details.summary().network() : facts.networkMode());
        ObjectNode bindings = host.putObject("PortBindings");
        for (PortBinding port : facts.publish()) {
            ArrayNode list = bindings.has(ContainerNetworkDocument.portKey(port))
                    ? (ArrayNode) bindings.get(ContainerNetworkDocument.portKey(port))
                    : bindings.putArray(ContainerNetworkDocument.portKey(port));
            // HostConfig keeps the address as asked: "" for all of them.
            list.addObject().put("HostIp", port.hostIp().equals("0.0.0.0") ? "" : port.hostIp())
                    .put("HostPort", Integer.toString(port.hostPort()));
        }
        host.putObject("RestartPolicy").put("Name", details.restartPolicy().name())
                .put("MaximumRetryCount", details.restartPolicy().maximumRetryCount());
        host.put("AutoRemove", facts.autoRemove());
        host.put("VolumeDriver", "");
        host.putNull("VolumesFrom");
        host.putNull("CapAdd");
        host.putNull("CapDrop");
        host.put("CgroupnsMode", "");
        strings(host, "Dns", facts.dns());
        host.putArray("DnsOptions");
        host.putArray("DnsSearch");
        ContainerDocument.strings(host, "ExtraHosts", facts.extraHosts());
        host.putNull("GroupAdd");
        host.put("IpcMode", "");
        host.put("Cgroup", "");
        host.putNull("Links");
        host.put("OomScoreAdj", 0);
        host.put("PidMode", "");
        host.put("Privileged", false);
        host.put("PublishAllPorts", false);
        host.put("ReadonlyRootfs", false);
        host.putNull("SecurityOpt");
        List<ContainerConfigFacts.Mount> tmpfs = facts.mounts().stream()
                .filter(mount -> mount.type().equals("tmpfs")).toList();
        if (!tmpfs.isEmpty()) {
            ObjectNode map = host.putObject("Tmpfs");
            tmpfs.forEach(mount -> map.put(mount.destination(), ""));
        }
        host.put("UTSMode", "");
        host.put("UsernsMode", "");
        host.put("ShmSize", 0);
        host.put("Runtime", "runc");
        host.putArray("ConsoleSize").add(0).add(0);
        host.put("Isolation", "");
        resources(host);
        host.putNull("MaskedPaths");
        host.putNull("ReadonlyPaths");
        return host;
    }

    /** {@code container.Resources}, embedded in HostConfig: none recorded, so Docker's zero values. */
    private static void resources(ObjectNode host) {
        host.put("CpuShares", 0);
        host.put("Memory", 0);
        host.put("NanoCpus", 0);
        host.put("CgroupParent", "");
        host.put("BlkioWeight", 0);
        for (String name : List.of("BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps",
                "BlkioDeviceReadIOps", "BlkioDeviceWriteIOps")) {
            host.putNull(name);
        }
        for (String name : List.of("CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime")) {
            host.put(name, 0);
        }
        host.put("CpusetCpus", "");
        host.put("CpusetMems", "");
        host.putNull("Devices");
        host.putNull("DeviceCgroupRules");
        host.putNull("DeviceRequests");
        host.put("KernelMemory", 0);
        host.put("KernelMemoryTCP", 0);
        host.put("MemoryReservation", 0);
        host.put("MemorySwap", 0);
        host.putNull("MemorySwappiness");
        host.put("OomKillDisable", false);
        host.putNull("PidsLimit");
        host.putNull("Ulimits");
        host.put("CpuCount", 0);
        host.put("CpuPercent", 0);
        host.put("IOMaximumIOps", 0);
        host.put("IOMaximumBandwidth", 0);
    }

    /** Docker's {@code Binds}: the {@code -v} binds and named volumes, {@code SOURCE:TARGET[:ro]}. */
    private static List<String> binds(List<ContainerConfigFacts.Mount> mounts) {
        List<String> binds = new ArrayList<>();
        for (ContainerConfigFacts.Mount mount : mounts) {
            if (mount.type().equals("tmpfs") || mount.anonymous()) {
                continue;
            }
            String source = mount.type().equals("volume") ? mount.name() : mount.source();
            binds.add(source + ":" + mount.destination() + (mount.readOnly() ? ":ro" : ""));
        }
        return binds;
    }

    /** {@code Dns}: Docker prints an empty array, not null, when none was given. */
    private static void strings(ObjectNode parent, String name, List<String> values) {
        ArrayNode array = parent.putArray(name);
        values.forEach(array::add);
    }
}
