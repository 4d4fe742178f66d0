package dev.berth.api.compose;

import dev.berth.api.RunMountRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What {@code up} runs for one service, read from its long-form attributes by {@link ServiceSpecReader}.
 *
 * @param image       the image to run: {@code image}, else {@code PROJECT-SERVICE} for a service that builds
 * @param build       how to build it, when the service has {@code build}
 * @param pull        {@code pull_policy}
 * @param entrypoint  {@code entrypoint}, replacing the image's (and its Cmd) when present
 * @param command     {@code command}, replacing the image's Cmd when present
 * @param environment {@code KEY=VALUE}, env files already read in, variables without a value dropped
 * @param publish     {@code ports} as {@code docker run -p} writes them
 * @param mounts      {@code volumes}, {@code tmpfs}, file secrets and configs
 * @param dependsOn   the services this one waits for
 * @param networks    the networks joined, in priority order (empty with a {@code network_mode})
 * @param networkMode {@code network_mode} ({@code host}, {@code none}, {@code bridge}, {@code service:X},
 *                    {@code container:X})
 * @param scale       {@code scale}, else {@code deploy.replicas}, else 1
 * @param stopGrace   {@code stop_grace_period}
 * @param configHash  Docker Compose's config hash of the service
 */
public record ServiceSpec(String name, String image, Optional<BuildSpec> build, PullPolicyKind pull,
        Optional<List<String>> entrypoint, Optional<List<String>> command, List<String> environment,
        List<String> publish, List<RunMountRequest> mounts, Map<String, Dependency> dependsOn,
        Optional<Healthcheck> healthcheck, Optional<String> restart, List<NetworkAttachment> networks,
        Optional<String> networkMode, Optional<String> user, Optional<String> workingDir, Map<String, String> labels,
        int scale, Optional<String> containerName, Optional<String> hostname, boolean init, Optional<String> stopSignal,
        Optional<Duration> stopGrace, boolean readOnly, List<String> capAdd, List<String> capDrop,
        List<String> extraHosts, OptionalLong memory, OptionalDouble cpus, OptionalLong pidsLimit, String configHash) {

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        environment = List.copyOf(environment);
        publish = List.copyOf(publish);
        mounts = List.copyOf(mounts);
        dependsOn = Map.copyOf(dependsOn);
        networks = List.copyOf(networks);
        labels = Map.copyOf(labels);
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        extraHosts = List.copyOf(extraHosts);
        Objects.requireNonNull(configHash, "configHash");
        if (scale < 0) {
            throw new IllegalArgumentException("service " + name + ": scale is not negative: " + scale);
        }
    }

    /** {@code pull_policy}: when {@code up} pulls the image. */
    public enum PullPolicyKind {
        /** Pull when the store lacks the image (Compose's default, also {@code if_not_present}). */
        MISSING,
        ALWAYS,
        NEVER,
        /** Build it, every time ({@code pull_policy: build}). */
        BUILD
    }

    /** {@code build}: context, Dockerfile, args, target. */
    public record BuildSpec(Path context, Optional<Path> dockerfile, Map<String, String> args, Optional<String> target,
            Map<String, String> labels) {
        public BuildSpec {
            Objects.requireNonNull(context, "context");
            args = Map.copyOf(args);
            labels = Map.copyOf(labels);
        }
    }

    /** One {@code depends_on} entry. */
    public record Dependency(Condition condition, boolean required, boolean restart) {
        public Dependency {
            Objects.requireNonNull(condition, "condition");
        }
    }

    /** What a dependency must reach before its dependent is started. */
    public enum Condition {
        SERVICE_STARTED("service_started"),
        SERVICE_HEALTHY("service_healthy"),
        SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully");

        private final String word;

        Condition(String word) {
            this.word = word;
        }

        /** As Compose writes it, in files and in the {@code depends_on} label. */
        public String word() {
            return word;
        }
    }

    /** {@code healthcheck}: {@code test} empty when {@code disable}d or {@code NONE}. */
    public record Healthcheck(List<String> test, Optional<Duration> interval, Optional<Duration> timeout,
            Optional<Integer> retries, Optional<Duration> startPeriod, Optional<Duration> startInterval,
            boolean disabled) {
        public Healthcheck {
            test = List.copyOf(test);
        }
    }

    /** One network the service joins. */
    public record NetworkAttachment(String key, String name, List<String> aliases, Optional<String> ipv4Address) {
        public NetworkAttachment {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
        }
    }
}
