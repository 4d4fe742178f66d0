package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code berth} in a JVM of its own, as a user runs one command after the other: the store is {@code BERTH_ROOT}
 * (so no argument needs placing), standard input is empty, output and error are kept in files under {@code work}
 * (a pipe could fill and stall a command that prints much).
 *
 * @param work    where output files go (a test's temporary directory)
 * @param root    the store every command uses
 * @param timeout how long one command may take before the test fails
 * @param env     more environment variables (none by default)
 */
record CliProcess(Path work, Path root, Duration timeout, Map<String, String> env) {

    /** What one command did. */
    record Outcome(int exit, String out, String err) {
    }

    CliProcess(Path work, Path root) {
        this(work, root, Duration.ofSeconds(120), Map.of());
    }

    CliProcess {
        env = Map.copyOf(env);
    }

    /** Imports the root filesystem tarball {@code rootfs} into the store at {@code root} as {@code reference}. */
    static void importImage(Path root, Path rootfs, String reference) throws IOException {
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.systemUTC()).build());
                InputStream in = Files.newInputStream(rootfs)) {
            berth.importRootfs(ImportRequest.tarball(in).reference(reference).message("test").build());
        }
    }

    /** The same store with {@code more} variables in the commands' environment. */
    CliProcess withEnv(Map<String, String> more) {
        var merged = new java.util.HashMap<>(env);
        merged.putAll(more);
        return new CliProcess(work, root, timeout, merged);
    }

    /** The same store, each command allowed {@code longer}. */
    CliProcess withTimeout(Duration longer) {
        return new CliProcess(work, root, longer, env);
    }

    /** The command line that runs {@code berth args}. */
    List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** A process builder for {@code berth args} in this store, for tests that drive the process themselves. */
    ProcessBuilder builder(String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().put("BERTH_ROOT", root.toString());
        builder.environment().putAll(env);
        return builder;
    }

    /** Runs {@code berth args} to its end in {@code directory}. */
    Outcome in(Path directory, String... args) throws IOException, InterruptedException {
        return run(builder(args).directory(directory.toFile()));
    }

    /** Runs {@code berth args} to its end. */
    Outcome run(String... args) throws IOException, InterruptedException {
        return run(builder(args));
    }

    private Outcome run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertThat(ended).as("berth %s ended within %s; its error output: %s", String.join(" ", builder.command()
                .subList(5, builder.command().size())), timeout, Files.readString(err)).isTrue();
        return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
