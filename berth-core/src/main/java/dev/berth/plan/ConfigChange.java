package dev.berth.plan;

import dev.berth.image.HealthConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one metadata instruction (ENV, CMD, LABEL, ...) changes in the image config, its values expanded. A build's
 * {@link Step.ConfigStep} carries one, and so does each {@code import --change}, so both mean the same. How a
 * change combines with the config it meets (a relative WORKDIR, an ENTRYPOINT resetting CMD) is the engine's.
 */
public sealed interface ConfigChange {

    /** One {@code key=value} of ENV or LABEL. */
    record Pair(String key, String value) {
        public Pair {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** One name of an ARG with its default, if any. */
    record Declaration(String name, Optional<String> defaultValue) {
        public Declaration {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(defaultValue, "defaultValue");
        }
    }

    record Env(List<Pair> pairs) implements ConfigChange {
        public Env {
            pairs = List.copyOf(pairs);
        }
    }

    record Label(List<Pair> pairs) implements ConfigChange {
        public Label {
            pairs = List.copyOf(pairs);
        }
    }

    record Cmd(Command command) implements ConfigChange {
        public Cmd {
            Objects.requireNonNull(command, "command");
        }
    }

    record Entrypoint(Command command) implements ConfigChange {
        public Entrypoint {
            Objects.requireNonNull(command, "command");
        }
    }

    /** {@code SHELL ["executable", "flags"...]}: never empty. */
    record Shell(List<String> shell) implements ConfigChange {
        public Shell {
            shell = List.copyOf(shell);
            if (shell.isEmpty()) {
                throw new IllegalArgumentException("SHELL needs an executable");
            }
        }
    }

    record User(String user) implements ConfigChange {
        public User {
            Objects.requireNonNull(user, "user");
        }
    }

    /** {@code WORKDIR path}: relative to the working directory it meets unless absolute. */
    record Workdir(String path) implements ConfigChange {
        public Workdir {
            Objects.requireNonNull(path, "path");
        }
    }

    /** {@code EXPOSE 80 443/tcp}: ports as written. */
    record Expose(List<String> ports) implements ConfigChange {
        public Expose {
            ports = List.copyOf(ports);
        }
    }

    record Volume(List<String> paths) implements ConfigChange {
        public Volume {
            paths = List.copyOf(paths);
        }
    }

    record StopSignal(String signal) implements ConfigChange {
        public StopSignal {
            Objects.requireNonNull(signal, "signal");
        }
    }

    /** HEALTHCHECK as the config holds it; {@code HEALTHCHECK NONE} is the test {@code ["NONE"]}. */
    record Healthcheck(HealthConfig health) implements ConfigChange {
        public Healthcheck {
            Objects.requireNonNull(health, "health");
        }
    }

    /** {@code ONBUILD trigger}: the trigger's text as written, run by the builds that use this image. */
    record Onbuild(String trigger) implements ConfigChange {
        public Onbuild {
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    /** An ARG inside a stage: changes nothing in the config but its history; the values are the steps' args. */
    record Arg(List<Declaration> declarations) implements ConfigChange {
        public Arg {
            declarations = List.copyOf(declarations);
        }
    }

    /** MAINTAINER: the image's author. */
    record Maintainer(String name) implements ConfigChange {
        public Maintainer {
            Objects.requireNonNull(name, "name");
        }
    }
}
