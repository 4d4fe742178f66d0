package dev.berth.runtime;

import java.nio.file.Path;

/**
 * An OCI runtime (runc, crun): runs a bundle, a directory holding {@code config.json} and the root filesystem it
 * names. Container IDs are unique per runtime state directory. Every method throws
 * {@link dev.berth.error.ExecutionException} quoting the runtime's own error when the runtime fails, and
 * {@link dev.berth.error.NotFoundException} when the container does not exist.
 */
public interface OciRuntime {

    /** {@code runc} or {@code crun}. */
    String name();

    /** One line for {@code berth info}: name, version, binary and state directory. */
    String description();

    /** The runtime's binary. */
    Path executable();

    /** Where the runtime keeps its containers' state ({@code --root}); a container ID is unique within it. */
    Path stateRoot();

    /** Whether the runtime applies a seccomp filter given in the spec (runc and crun built with libseccomp). */
    boolean supportsSeccomp();

    /**
     * Runs the container in the foreground and removes it when its process exits.
     *
     * @return the exit code of the container's process (128 + signal if a signal ended it)
     */
    int run(Path bundle, String id, Stdio stdio);

    /** Creates the container, its process waiting to be {@linkplain #start started}. */
    void create(Path bundle, String id, Stdio stdio);

    /** Starts a created container's process. */
    void start(String id);

    /**
     * Runs another process in a running container ({@code exec --process FILE}), {@code processFile} holding the
     * spec's {@code process} object. In the foreground, returns the process's exit code (with a terminal, the
     * runtime copies it to and from its own); {@code detach} returns once it started (0), its streams should then
     * be files, not pipes.
     */
    int exec(String id, Path processFile, Stdio stdio, boolean detach);

    /** Sends a signal ({@code TERM}, {@code KILL}, {@code 9}, ...) to the container's first process. */
    void kill(String id, String signal);

    /** Removes a stopped container; with {@code force}, kills a running one first. Removing a missing container with force is not an error. */
    void delete(String id, boolean force);

    /** The container's current state. */
    ContainerState state(String id);
}
