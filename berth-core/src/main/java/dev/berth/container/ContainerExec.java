package dev.berth.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.ConflictException;
import dev.berth.error.ExecutionException;
import dev.berth.runtime.Stdio;
import dev.berth.runtime.UserSpec;
import dev.berth.sandbox.ImageUsers;
import dev.berth.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code berth exec}: another process in a running container, through the runtime's {@code exec --process}. Its
 * process object is the container's own from the bundle's {@code config.json} (capabilities, rlimits, seccomp's
 * no-new-privileges: what the container was given, whoever gave it) with the command, the environment (the
 * container's, {@code -e} set over it), the user and the working directory replaced, as Docker's exec does.
 */
final class ContainerExec {

    // Readers and writers are immutable and thread-safe, unlike a mapper, which can be reconfigured.
    private static final ObjectReader READER = new ObjectMapper().reader();
    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private ContainerExec() {
    }

    /** Runs {@code spec} in the container; returns its exit code (0 at once with {@code detach}). */
    static int run(ContainerRecord record, ContainerDirectory directory, ExecSpec spec, Stdio stdio) {
        if (!ContainerPhases.read(record, directory).isRunning()) {
            throw new ConflictException("container " + record.id() + " is not running");
        }
        Path processFile = directory.path().resolve("exec-" + Sandbox.newId().substring(0, 12) + ".json");
        try {
            Files.write(processFile, WRITER.writeValueAsBytes(process(directory, spec)));
            return ContainerPhases.runtimeOf(record).exec(record.id(), processFile, spec.detach() ? Stdio.discard() : stdio,
                    spec.detach());
        } catch (IOException e) {
            throw new ExecutionException("exec in container %s: writing its process: %s".formatted(record.name(),
                    e.getMessage()), e);
        } finally {
            try {
                Files.deleteIfExists(processFile);
            } catch (IOException ignored) {
                // A leftover process file is removed with the container.
            }
        }
    }

    /** The container's process object with the exec's command, environment, user, directory and terminal. */
    static ObjectNode process(ContainerDirectory directory, ExecSpec spec) throws IOException {
        JsonNode config = READER.readTree(Files.readAllBytes(directory.bundle().resolve("config.json")));
        ObjectNode process = ((ObjectNode) config.path("process")).deepCopy();
        ArrayNode args = process.putArray("args");
        spec.args().forEach(args::add);
        List<String> env = new ArrayList<>();
        process.path("env").forEach(entry -> env.add(entry.asText()));
        ArrayNode merged = process.putArray("env");
        ContainerCommand.environment(env, spec.env()).forEach(merged::add);
        spec.workingDir().ifPresent(dir -> {
            if (!dir.startsWith("/")) {
                throw new ExecutionException("the working directory '" + dir + "' is invalid, it needs to be an absolute path");
            }
            process.put("cwd", dir);
        });
        if (spec.user().isPresent()) {
            UserSpec user = ImageUsers.resolve(directory.rootfs(), spec.user().get()).user();
            ObjectNode node = process.putObject("user").put("uid", user.uid()).put("gid", user.gid());
            if (!user.additionalGids().isEmpty()) {
                ArrayNode gids = node.putArray("additionalGids");
                user.additionalGids().forEach(gids::add);
            }
        }
        // A detached exec has no terminal: runc would need a console socket, and no one would read it.
        process.put("terminal", spec.terminal() && !spec.detach());
        return process;
    }
}
