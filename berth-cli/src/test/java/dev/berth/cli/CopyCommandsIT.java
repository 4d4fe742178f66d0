package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testing.BaseImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cp} both ways, {@code diff} and {@code export} against a real container (runc, conmon), running and then
 * stopped, with the CVE-2018-15664 links planted in it: {@code /dst -> /} and {@code /dotdot ->
 * ../../../../HOST}, where HOST is a host directory that must stay untouched.
 */
class CopyCommandsIT {

    @TempDir
    Path work;
    Path root;
    Path host;

    @BeforeEach
    void storeWithBusybox() throws IOException {
        root = work.resolve("store");
        host = Files.createDirectories(work.resolve("host-dir"));
        Files.writeString(host.resolve("secret"), "host secret");
        CliProcess.importImage(root, BaseImages.standard().busyboxRootfs(), "busybox:latest");
    }

    @AfterEach
    void removeContainer() throws Exception {
        berth("rm", "-f", "-v", "cp-box");
    }

    @Test
    void copiesBothWaysInsideTheRootRunningAndStopped() throws Exception {
        CliProcess.Outcome run = berth("run", "-d", "--runtime", "runc", "--name", "cp-box", "-v", "cp-vol:/vol",
                "busybox", "sleep", "1000");
        assertThat(run.exit()).as(run.err()).isZero();
        CliProcess.Outcome setup = berth("exec", "cp-box", "sh", "-c", "mkdir -p /data/sub && echo hi > /data/sub/f"
                + " && echo changed > /etc/motd && rm /bin/true && ln -s / /dst && ln -s ../../../..'" + host
                + "' /dotdot && ln -s '" + host + "' /abs");
        assertThat(setup.exit()).as(setup.err()).isZero();

        // Out, to the host: a directory to a new name, then its contents into an existing directory.
        CliProcess.Outcome out = berth("cp", "cp-box:/data", work.resolve("out").toString());
        assertThat(out.exit()).as(out.err()).isZero();
        assertThat(out.err()).isEqualTo("Successfully copied 3B to " + work.resolve("out") + "\n");
        assertThat(work.resolve("out/sub/f")).hasContent("hi");
        Files.createDirectories(work.resolve("merged"));
        assertThat(berth("cp", "-q", "cp-box:/data/.", work.resolve("merged").toString()).err()).isEmpty();
        assertThat(work.resolve("merged/sub/f")).hasContent("hi");
        CliProcess.Outcome missing = berth("cp", "cp-box:/nope", work.resolve("x").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).isEqualTo("berth: No such container:path: cp-box:/nope\n");

        // CVE-2018-15664: through the planted links, out and in, nothing outside the root is read or written.
        CliProcess.Outcome escapeOut = berth("cp", "-L", "cp-box:/abs/secret", work.resolve("leak").toString());
        assertThat(escapeOut.exit()).isNotZero();
        assertThat(work.resolve("leak")).doesNotExist();
        Path file = Files.writeString(work.resolve("payload"), "from the host");
        assertThat(berth("cp", file.toString(), "cp-box:/dst/").exit()).isZero();
        assertThat(berth("exec", "cp-box", "cat", "/payload").out()).isEqualTo("from the host");
        assertThat(berth("exec", "cp-box", "stat", "-c", "%u:%g", "/payload").out()).isEqualTo("0:0\n");
        berth("cp", file.toString(), "cp-box:/dotdot/");
        berth("cp", file.toString(), "cp-box:/abs/");
        assertHostUntouched();

        // Tar streams: out to stdout, in from stdin with -a keeping the owners.
        Path tar = work.resolve("data.tar");
        Process streamOut = new CliProcess(work, root).builder("cp", "cp-box:/data", "-")
                .redirectOutput(tar.toFile()).start();
        assertThat(streamOut.waitFor(60, TimeUnit.SECONDS) && streamOut.exitValue() == 0).isTrue();
        assertThat(shell("tar -tf " + tar)).containsExactly("data/", "data/sub/", "data/sub/f");
        shell("mkdir -p " + work.resolve("in") + " && echo owned > " + work.resolve("in/owned") + " && tar -C "
                + work.resolve("in") + " --owner=1234 --group=1234 -cf " + work.resolve("in.tar") + " owned");
        Process streamIn = new CliProcess(work, root).builder("cp", "-a", "-", "cp-box:/vol")
                .redirectInput(work.resolve("in.tar").toFile()).start();
        assertThat(streamIn.waitFor(60, TimeUnit.SECONDS) && streamIn.exitValue() == 0).isTrue();
        assertThat(berth("exec", "cp-box", "stat", "-c", "%u:%g", "/vol/owned").out()).isEqualTo("1234:1234\n");

        // diff: Docker's lines from the writable layer.
        assertThat(berth("diff", "cp-box").out().lines()).contains("A /data", "A /data/sub/f", "C /etc",
                "A /etc/motd", "C /bin", "D /bin/true", "A /dst", "A /payload").doesNotContain("A /vol/owned");

        // Stopped: the overlay root and the volume's host directory.
        assertThat(berth("stop", "-t", "1", "cp-box").exit()).isZero();
        assertThat(berth("cp", file.toString(), "cp-box:/vol/stopped").exit()).isZero();
        assertThat(root.resolve("volumes/cp-vol/_data/stopped")).hasContent("from the host");
        assertThat(berth("cp", "cp-box:/etc/motd", work.resolve("motd").toString()).exit()).isZero();
        assertThat(work.resolve("motd")).hasContent("changed\n");
        berth("cp", file.toString(), "cp-box:/dotdot/");
        assertHostUntouched();

        // export: the whole root file system, with the container's change and without its volume.
        Path exported = work.resolve("export.tar");
        assertThat(berth("export", "-o", exported.toString(), "cp-box").exit()).isZero();
        assertThat(shell("tar -tf " + exported)).contains("bin/busybox", "data/sub/f", "etc/motd")
                .doesNotContain("vol/owned", "bin/true");
        assertThat(shell("tar -xOf " + exported + " etc/motd")).containsExactly("changed");
    }

    private void assertHostUntouched() throws IOException {
        try (Stream<Path> files = Files.list(host)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret");
        }
        assertThat(host.resolve("secret")).hasContent("host secret");
    }

    private List<String> shell(String script) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        assertThat(process.waitFor()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    private CliProcess.Outcome berth(String... args) throws Exception {
        return new CliProcess(work, root).run(args);
    }
}
