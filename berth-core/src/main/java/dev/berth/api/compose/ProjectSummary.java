package dev.berth.api.compose;

import java.util.Objects;

/**
 * One row of {@code compose ls}.
 *
 * @param status      {@code running(2)}, or {@code exited(1), running(1)}: each state's count, as Compose prints it
 * @param configFiles the {@code config_files} label of its containers
 */
public record ProjectSummary(String name, String status, String configFiles) {

    public ProjectSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(configFiles, "configFiles");
    }
}
