package dev.berth.dockerfile.instruction;

import dev.berth.dockerfile.syntax.Heredoc;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction with its arguments typed and validated, but variables not yet expanded:
 * {@code COPY $SRC /app} keeps {@code $SRC}. Every instruction knows its {@link Location}.
 */
public sealed interface Instruction {

    Location location();

    /** {@code FROM [--platform=P] IMAGE [AS NAME]}; the stage name is kept as written. */
    record From(Location location, String image, Optional<String> stageName, Optional<String> platform)
            implements Instruction {
        public From {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(stageName, "stageName");
            Objects.requireNonNull(platform, "platform");
        }
    }

    /** {@code RUN [--mount=...] [--network=...] [--security=...] COMMAND}. */
    record Run(Location location, ShellOrExec command, List<Mount> mounts, Optional<NetworkMode> network,
            Optional<SecurityMode> security, List<Heredoc> heredocs) implements Instruction {
        public Run {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(command, "command");
            mounts = List.copyOf(mounts);
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(security, "security");
            heredocs = List.copyOf(heredocs);
        }
    }

    record Cmd(Location location, ShellOrExec command) implements Instruction {
        public Cmd {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(command, "command");
        }
    }

    record Entrypoint(Location location, ShellOrExec command) implements Instruction {
        public Entrypoint {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(command, "command");
        }
    }

    /** {@code SHELL ["executable", "flags"...]}: never empty. */
    record Shell(Location location, List<String> shell) implements Instruction {
        public Shell {
            Objects.requireNonNull(location, "location");
            shell = List.copyOf(shell);
            if (shell.isEmpty()) {
                throw new IllegalArgumentException("SHELL needs an executable");
            }
        }
    }

    record Label(Location location, List<KeyValue> pairs) implements Instruction {
        public Label {
            Objects.requireNonNull(location, "location");
            pairs = List.copyOf(pairs);
        }
    }

    record Maintainer(Location location, String name) implements Instruction {
        public Maintainer {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code EXPOSE 80 443/tcp 8000-8010/udp}: ports as written. */
    record Expose(Location location, List<String> ports) implements Instruction {
        public Expose {
            Objects.requireNonNull(location, "location");
            ports = List.copyOf(ports);
        }
    }

    record Env(Location location, List<KeyValue> pairs) implements Instruction {
        public Env {
            Objects.requireNonNull(location, "location");
            pairs = List.copyOf(pairs);
        }
    }

    /**
     * {@code ADD}: sources may be URLs or git repositories. {@code sources} are the paths; each here-document
     * is a source too, a file named after its delimiter.
     */
    record Add(Location location, List<String> sources, String destination, Optional<String> chown,
            Optional<String> chmod, boolean link, Optional<String> checksum, boolean keepGitDir,
            List<String> exclude, List<Heredoc> heredocs) implements Instruction {
        public Add {
            Objects.requireNonNull(location, "location");
            sources = List.copyOf(sources);
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(chown, "chown");
            Objects.requireNonNull(chmod, "chmod");
            Objects.requireNonNull(checksum, "checksum");
            exclude = List.copyOf(exclude);
            heredocs = List.copyOf(heredocs);
        }
    }

    /**
     * {@code COPY}: {@code from} names a stage, a stage index or an image. {@code sources} are the paths; each
     * here-document is a source too, a file named after its delimiter.
     */
    record Copy(Location location, List<String> sources, String destination, Optional<String> from,
            Optional<String> chown, Optional<String> chmod, boolean link, boolean parents, List<String> exclude,
            List<Heredoc> heredocs) implements Instruction {
        public Copy {
            Objects.requireNonNull(location, "location");
            sources = List.copyOf(sources);
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(chown, "chown");
            Objects.requireNonNull(chmod, "chmod");
            exclude = List.copyOf(exclude);
            heredocs = List.copyOf(heredocs);
        }
    }

    record Volume(Location location, List<String> paths) implements Instruction {
        public Volume {
            Objects.requireNonNull(location, "location");
            paths = List.copyOf(paths);
        }
    }

    record User(Location location, String user) implements Instruction {
        public User {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(user, "user");
        }
    }

    record Workdir(Location location, String path) implements Instruction {
        public Workdir {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(path, "path");
        }
    }

    record Arg(Location location, List<ArgDeclaration> declarations) implements Instruction {
        public Arg {
            Objects.requireNonNull(location, "location");
            declarations = List.copyOf(declarations);
        }
    }

    /** {@code ONBUILD TRIGGER}: the trigger is never ONBUILD, FROM or MAINTAINER. */
    record Onbuild(Location location, Instruction trigger) implements Instruction {
        public Onbuild {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(trigger, "trigger");
        }
    }

    record StopSignal(Location location, String signal) implements Instruction {
        public StopSignal {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(signal, "signal");
        }
    }

    record Healthcheck(Location location, HealthcheckSpec spec) implements Instruction {
        public Healthcheck {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(spec, "spec");
        }
    }
}
