package dev.berth.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The smallest bundle that proves a runtime works: a root filesystem made of the host's own {@code /usr} (and
 * {@code /bin}, {@code /lib}... as symlinks or read-only binds, whichever the host has), running {@code true}
 * with Docker's default namespaces, mounts and cgroup. No image is needed.
 */
final class ProbeBundle {

    private static final List<String> HOST_DIRECTORIES = List.of("usr", "bin", "sbin", "lib", "lib32", "lib64");

    private ProbeBundle() {
    }

    /** Lays the bundle out in {@code directory} (which must exist and be empty). */
    static void writeTo(Path directory) throws IOException {
        Path rootfs = Files.createDirectories(directory.resolve("rootfs"));
        var binds = new ArrayList<MountSpec>();
        for (String name : HOST_DIRECTORIES) {
            Path host = Path.of("/", name);
            if (Files.isSymbolicLink(host)) {
                Files.createSymbolicLink(rootfs.resolve(name), Files.readSymbolicLink(host));
            } else if (Files.isDirectory(host)) {
                Files.createDirectories(rootfs.resolve(name));
                binds.add(MountSpec.bind(host, "/" + name, true));
            }
        }
        var process = DockerDefaults.process(List.of("true"), List.of("PATH=" + DockerDefaults.DEFAULT_PATH),
                UserSpec.root(), "/");
        RuntimeSpec spec = DockerDefaults.spec("rootfs", process, "berth-probe", false).withAddedMounts(binds);
        new RuntimeSpecWriter().writeBundleConfig(directory, spec);
    }
}
