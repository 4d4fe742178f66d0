package dev.berth.api;

import dev.berth.image.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One detached container as {@code berth ps} lists it, read when this was made.
 *
 * @param id       64 hex digits
 * @param name     its unique name, without Docker's leading {@code /}
 * @param image    the image as the user named it
 * @param imageId  the image's config digest
 * @param command  the process's arguments, the command {@code ps} shows
 * @param created  when the container was made
 * @param state    Docker's word: {@code created}, {@code running}, {@code paused}, {@code restarting} (its restart
 *                 policy waiting out the delay) or {@code exited}
 * @param status   Docker's {@code STATUS} column at the façade's clock: {@code Up 5 seconds}, {@code Exited (0) 3 seconds ago}
 * @param exitCode the exit code once it exited
 * @param labels   the image's labels with {@code --label} over them
 * @param network  its {@code --network}: {@code bridge}, {@code host}, {@code none} or a user network's name; on
 *                 several networks their names, comma-separated and sorted (Docker's {@code {{.Networks}}})
 * @param ports    what it publishes now, as {@code docker ps} shows it ({@code 0.0.0.0:5000->5000/tcp}); empty
 *                 once it stopped
 * @param health   Docker's health word, {@code starting}, {@code healthy} or {@code unhealthy}, for a container with
 *                 a healthcheck (the last one seen once it stopped); empty without one
 */
public record ContainerSummary(String id, String name, String image, Digest imageId, List<String> command,
        Instant created, String state, String status, OptionalInt exitCode, Map<String, String> labels,
        String network, List<String> ports, Optional<String> health) {

    /** A container without a healthcheck. */
    public ContainerSummary(String id, String name, String image, Digest imageId, List<String> command,
            Instant created, String state, String status, OptionalInt exitCode, Map<String, String> labels,
            String network, List<String> ports) {
        this(id, name, image, imageId, command, created, state, status, exitCode, labels, network, ports,
                Optional.empty());
    }

    /** A container with no network recorded and no published port. */
    public ContainerSummary(String id, String name, String image, Digest imageId, List<String> command,
            Instant created, String state, String status, OptionalInt exitCode, Map<String, String> labels) {
        this(id, name, image, imageId, command, created, state, status, exitCode, labels, "", List.of());
    }

    public ContainerSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(imageId, "imageId");
        command = List.copyOf(command);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(network, "network");
        ports = List.copyOf(ports);
        Objects.requireNonNull(health, "health");
    }

    /** Docker's {@code State.Running}: its process runs (paused counts), or its restart policy is restarting it. */
    public boolean running() {
        return state.equals("running") || state.equals("paused") || state.equals("restarting");
    }

    /** Docker's {@code State.Restarting}: its restart policy waits out the delay before starting it again. */
    public boolean restarting() {
        return state.equals("restarting");
    }

    /** Docker's short ID: the first 12 hex digits. */
    public String shortId() {
        return id.substring(0, 12);
    }
}
