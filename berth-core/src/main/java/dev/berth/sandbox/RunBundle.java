package dev.berth.sandbox;

import dev.berth.error.ExecutionException;
import dev.berth.runtime.DockerDefaults;
import dev.berth.runtime.LinuxSpec;
import dev.berth.runtime.MountSpec;
import dev.berth.runtime.Namespace;
import dev.berth.runtime.NamespaceType;
import dev.berth.runtime.RuntimeSpec;
import dev.berth.runtime.RuntimeSpecWriter;
import dev.berth.runtime.SeccompProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundle of one container (a RUN step's or {@code berth run}'s): {@code config.json} with Docker's defaults around the step's process, the
 * per-container {@code /etc} files, the step's mounts, and the mounted root file system at {@code rootfs}.
 * Refuses what would let the step reach the host: a working directory under {@code /proc}
 * (CVE-2024-21626: runc could leave a host directory open as {@code /proc/self/fd/N}) and a bind source
 * that passes through a symlink (CVE-2024-1753: a link planted in an image would be followed on the host).
 */
public final class RunBundle {

    /** The hostname BuildKit gives RUN containers. */
    public static final String BUILD_HOSTNAME = "buildkitsandbox";
    private static final List<String> FILES = List.of("config.json", "hosts", "hostname", "resolv.conf", "output.log");

    private RunBundle() {
    }

    /** The container's working directory, resolved inside {@code rootfs} and created there if missing. */
    public static String workingDirectory(Path rootfs, String requested) {
        try {
            String resolved = RootfsPaths.resolve(rootfs, requested);
            if (resolved.equals("/proc") || resolved.startsWith("/proc/")) {
                throw new ExecutionException("RUN: working directory " + requested + " resolves to " + resolved
                        + ", inside the runtime's /proc: refused, as it could reach the host (CVE-2024-21626)");
            }
            Path onHost = RootfsPaths.onHost(rootfs, resolved);
            if (!Files.isDirectory(onHost, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(onHost);
            }
            return resolved;
        } catch (IOException e) {
            throw new ExecutionException("RUN: making working directory " + requested + ": " + e.getMessage(), e);
        }
    }

    /** The runtime mounts for the step's own mounts, each checked. */
    public static List<MountSpec> stepMounts(List<HostMount> mounts) {
        List<MountSpec> specs = new ArrayList<>();
        for (HostMount mount : mounts) {
            if (mount.source().isEmpty()) {
                List<String> options = new ArrayList<>(List.of("nosuid", "nodev", "mode=1777"));
                mount.tmpfsSize().ifPresent(size -> options.add("size=" + size));
                specs.add(new MountSpec(mount.target(), "tmpfs", "tmpfs", options));
                continue;
            }
            specs.add(MountSpec.bind(checkedSource(mount), mount.target(), mount.readOnly()));
        }
        return List.copyOf(specs);
    }

    public static Path checkedSource(HostMount mount) {
        Path source = mount.source().orElseThrow().toAbsolutePath().normalize();
        try {
            Path real = source.toRealPath();
            if (!real.equals(source)) {
                throw new ExecutionException("RUN: mount source " + source + " for " + mount.target()
                        + " passes through a symlink (it is " + real + "): refused, as a link in an image could "
                        + "expose a host path (CVE-2024-1753)");
            }
            return real;
        } catch (IOException e) {
            throw new ExecutionException("RUN: mount source " + source + " for " + mount.target() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code config.json} (with the seccomp filter, if given) and the {@code /etc} files into {@code bundle}. */
    public static void write(Path bundle, Path rootfs, dev.berth.runtime.ProcessSpec process, SandboxNetwork network,
            List<HostMount> mounts, String hostname, Optional<SeccompProfile> seccomp) {
        write(bundle, rootfs, process, network, mounts, hostname, seccomp, SandboxOptions.defaults());
    }

    /** As above, with {@code berth run}'s changes to Docker's defaults ({@link RunSpecOptions#apply}). */
    public static void write(Path bundle, Path rootfs, dev.berth.runtime.ProcessSpec process, SandboxNetwork network,
            List<HostMount> mounts, String hostname, Optional<SeccompProfile> seccomp, SandboxOptions options) {
        boolean hostNetwork = network instanceof SandboxNetwork.Host;
        try {
            RuntimeSpec spec = DockerDefaults.spec(rootfs.toString(), process, hostname, hostNetwork)
                    .withAddedMounts(etcBinds(bundle, network, hostname))
                    .withAddedMounts(stepMounts(mounts));
            switch (network) {
                case SandboxNetwork.Joined joined -> spec = spec.withLinux(joinNetwork(spec.linux(), joined.namespace(),
                        spec.linux().sysctl()));
                // Docker sets network sysctls only in a namespace made for the container, never in a shared one.
                case SandboxNetwork.Shared shared -> spec = spec.withLinux(joinNetwork(spec.linux(), shared.namespace(),
                        java.util.Map.of()));
                case SandboxNetwork.Host _, SandboxNetwork.None _ -> { }
            }
            if (seccomp.isPresent()) {
                spec = spec.withLinux(spec.linux().withSeccomp(seccomp.get()));
            }
            spec = RunSpecOptions.apply(spec, options);
            new RuntimeSpecWriter().writeBundleConfig(bundle, spec);
        } catch (IOException e) {
            throw new ExecutionException("RUN: writing the container bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    /**
     * The binds of {@code /etc/resolv.conf}, {@code /etc/hostname} and {@code /etc/hosts}: the bundle's own files,
     * written here, or for a shared namespace the other container's (so both see one set, as with Docker).
     */
    private static List<MountSpec> etcBinds(Path bundle, SandboxNetwork network, String hostname) throws IOException {
        if (network instanceof SandboxNetwork.Shared shared) {
            return DockerDefaults.etcBinds(shared.resolvConf(), shared.hostname(), shared.hosts());
        }
        String hostsText = network instanceof SandboxNetwork.Joined joined ? joined.hosts()
                : "127.0.0.1\tlocalhost " + hostname + "\n::1\tlocalhost ip6-localhost ip6-loopback\n";
        Path hosts = Files.writeString(bundle.resolve("hosts"), hostsText, StandardCharsets.UTF_8);
        Path hostnameFile = Files.writeString(bundle.resolve("hostname"), hostname + "\n", StandardCharsets.UTF_8);
        Path hostResolv = Path.of("/etc/resolv.conf");
        String resolvConf = switch (network) {
            case SandboxNetwork.Host _ -> Files.isReadable(hostResolv) ? Files.readString(hostResolv) : "";
            case SandboxNetwork.None _, SandboxNetwork.Shared _ -> "";
            case SandboxNetwork.Joined joined -> joined.resolvConf();
        };
        Path resolv = Files.writeString(bundle.resolve("resolv.conf"), resolvConf, StandardCharsets.UTF_8);
        return DockerDefaults.etcBinds(resolv, hostnameFile, hosts);
    }

    /**
     * Rewrites the bundle's {@code /etc/hosts} and {@code /etc/resolv.conf} for a container started again on the
     * namespace {@code network} names (the same path its {@code config.json} joins).
     */
    public static void writeNetworkFiles(Path bundle, SandboxNetwork.Joined network) {
        try {
            Files.writeString(bundle.resolve("hosts"), network.hosts(), StandardCharsets.UTF_8);
            Files.writeString(bundle.resolve("resolv.conf"), network.resolvConf(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExecutionException("writing the network files of bundle " + bundle + ": " + e.getMessage(), e);
        }
    }

    /** {@code linux.namespaces[type=network].path}: the container joins the namespace netavark set up, or another's. */
    private static LinuxSpec joinNetwork(LinuxSpec linux, Path namespace, java.util.Map<String, String> sysctl) {
        List<Namespace> namespaces = linux.namespaces().stream()
                .map(ns -> ns.type() == NamespaceType.NETWORK ? new Namespace(NamespaceType.NETWORK, Optional.of(namespace)) : ns)
                .toList();
        return new LinuxSpec(namespaces, linux.maskedPaths(), linux.readonlyPaths(), linux.devices(), sysctl,
                linux.cgroupsPath(), linux.seccomp(), linux.resources());
    }

    /** Deletes the bundle's files and its (already unmounted) root mount point. */
    public static void delete(Path bundle) throws IOException {
        for (String file : FILES) {
            Files.deleteIfExists(bundle.resolve(file));
        }
        Files.deleteIfExists(bundle.resolve("rootfs"));
        Files.deleteIfExists(bundle);
    }
}
