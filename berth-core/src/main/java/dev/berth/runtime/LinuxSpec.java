package dev.berth.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Linux section of a runtime spec.
 *
 * @param namespaces    the namespaces the container gets; a type left out is shared with the host
 * @param maskedPaths   paths hidden from the container (a file by {@code /dev/null}, a directory by an empty tmpfs)
 * @param readonlyPaths paths made read-only in the container
 * @param devices       devices-cgroup rules, in order
 * @param sysctl        kernel parameters set in the container's namespaces
 * @param cgroupsPath   the container's cgroup, or empty to let the runtime choose
 * @param seccomp       a seccomp filter, or empty for none
 * @param resources     cgroup limits ({@code --memory}, {@code --cpus}, {@code --pids-limit}) beside the device rules
 */
public record LinuxSpec(List<Namespace> namespaces, List<String> maskedPaths, List<String> readonlyPaths,
                        List<DeviceRule> devices, Map<String, String> sysctl, Optional<String> cgroupsPath,
                        Optional<SeccompProfile> seccomp, ResourceLimits resources) {

    public LinuxSpec {
        namespaces = List.copyOf(namespaces);
        maskedPaths = List.copyOf(maskedPaths);
        readonlyPaths = List.copyOf(readonlyPaths);
        devices = List.copyOf(devices);
        // Sorted, so the JSON is the same whatever map the caller built.
        sysctl = Collections.unmodifiableSortedMap(new TreeMap<>(sysctl));
        Objects.requireNonNull(cgroupsPath, "cgroupsPath");
        Objects.requireNonNull(seccomp, "seccomp");
        Objects.requireNonNull(resources, "resources");
        if (namespaces.stream().map(Namespace::type).distinct().count() != namespaces.size()) {
            throw new IllegalArgumentException("a namespace type is listed twice: " + namespaces);
        }
    }

    /** Without cgroup limits. */
    public LinuxSpec(List<Namespace> namespaces, List<String> maskedPaths, List<String> readonlyPaths,
            List<DeviceRule> devices, Map<String, String> sysctl, Optional<String> cgroupsPath,
            Optional<SeccompProfile> seccomp) {
        this(namespaces, maskedPaths, readonlyPaths, devices, sysctl, cgroupsPath, seccomp, ResourceLimits.none());
    }

    /** True if the container gets its own (or joins another) namespace of this type. */
    public boolean has(NamespaceType type) {
        return namespaces.stream().anyMatch(namespace -> namespace.type() == type);
    }

    public LinuxSpec withCgroupsPath(String path) {
        return new LinuxSpec(namespaces, maskedPaths, readonlyPaths, devices, sysctl, Optional.of(path), seccomp, resources);
    }

    public LinuxSpec withSeccomp(SeccompProfile profile) {
        return new LinuxSpec(namespaces, maskedPaths, readonlyPaths, devices, sysctl, cgroupsPath, Optional.of(profile), resources);
    }

    public LinuxSpec withResources(ResourceLimits limits) {
        return new LinuxSpec(namespaces, maskedPaths, readonlyPaths, devices, sysctl, cgroupsPath, seccomp, limits);
    }

    /** {@code --privileged}: nothing masked or read-only, every device allowed in the devices cgroup. */
    public LinuxSpec privileged() {
        return new LinuxSpec(namespaces, List.of(), List.of(), List.of(DeviceRule.allowAll()), sysctl, cgroupsPath,
                Optional.empty(), resources);
    }
}
