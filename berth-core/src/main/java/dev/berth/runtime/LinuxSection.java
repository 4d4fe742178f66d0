package dev.berth.runtime;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code linux} object of {@code config.json}, in the runtime-spec's field order. */
final class LinuxSection {

    private LinuxSection() {
    }

    static ObjectNode of(LinuxSpec linux) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (!linux.sysctl().isEmpty()) {
            ObjectNode sysctl = node.putObject("sysctl");
            for (Map.Entry<String, String> entry : linux.sysctl().entrySet()) {
                sysctl.put(entry.getKey(), entry.getValue());
            }
        }
        ObjectNode resources = node.putObject("resources");
        ArrayNode devices = resources.putArray("devices");
        for (DeviceRule rule : linux.devices()) {
            ObjectNode device = devices.addObject().put("allow", rule.allow());
            rule.type().ifPresent(type -> device.put("type", type));
            rule.major().ifPresent(major -> device.put("major", major));
            rule.minor().ifPresent(minor -> device.put("minor", minor));
            device.put("access", rule.access());
        }
        limits(resources, linux.resources());
        linux.cgroupsPath().ifPresent(path -> node.put("cgroupsPath", path));
        ArrayNode namespaces = node.putArray("namespaces");
        for (Namespace namespace : linux.namespaces()) {
            ObjectNode entry = namespaces.addObject().put("type", namespace.type().specName());
            namespace.path().ifPresent(path -> entry.put("path", path.toString()));
        }
        linux.seccomp().ifPresent(profile -> node.set("seccomp", seccomp(profile)));
        node.set("maskedPaths", RuntimeSpecWriter.strings(linux.maskedPaths()));
        node.set("readonlyPaths", RuntimeSpecWriter.strings(linux.readonlyPaths()));
        return node;
    }

    /** {@code memory}, {@code cpu} and {@code pids} after {@code devices}, only those asked for. */
    private static void limits(ObjectNode resources, ResourceLimits limits) {
        if (limits.memory().isPresent() || limits.memorySwap().isPresent()) {
            ObjectNode memory = resources.putObject("memory");
            limits.memory().ifPresent(bytes -> memory.put("limit", bytes));
            limits.memorySwap().ifPresent(bytes -> memory.put("swap", bytes));
        }
        limits.cpuQuota().ifPresent(quota -> resources.putObject("cpu").put("quota", quota)
                .put("period", ResourceLimits.CPU_PERIOD));
        limits.pids().ifPresent(pids -> resources.putObject("pids").put("limit", pids));
    }

    private static ObjectNode seccomp(SeccompProfile profile) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("defaultAction", profile.defaultAction());
        node.set("architectures", RuntimeSpecWriter.strings(profile.architectures()));
        ArrayNode syscalls = node.putArray("syscalls");
        for (SeccompProfile.SyscallRule rule : profile.syscalls()) {
            ObjectNode entry = syscalls.addObject();
            entry.set("names", RuntimeSpecWriter.strings(rule.names()));
            entry.put("action", rule.action());
            rule.errnoRet().ifPresent(errno -> entry.put("errnoRet", errno));
            if (!rule.args().isEmpty()) {
                ArrayNode args = entry.putArray("args");
                for (SeccompProfile.ArgCondition arg : rule.args()) {
                    args.addObject().put("index", arg.index()).put("value", arg.value())
                            .put("valueTwo", arg.valueTwo()).put("op", arg.op());
                }
            }
        }
        return node;
    }
}
