package dev.berth.plan;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.NetworkMode;
import dev.berth.dockerfile.instruction.ShellOrExec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a stage, variables expanded. {@code text} is the instruction as progress shows it;
 * {@code args} are the build arguments visible to the step, in declaration order, part of its cache key.
 */
public sealed interface Step {

    Location location();

    String text();

    Map<String, String> args();

    /** A step that changes only the image config (ENV, CMD, LABEL, ...) or, for WORKDIR, makes a directory. */
    record ConfigStep(Location location, String text, Map<String, String> args, Instruction instruction) implements Step {
        public ConfigStep {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(text, "text");
            args = ordered(args);
            Objects.requireNonNull(instruction, "instruction");
        }
    }

    /**
     * COPY or ADD ({@code add} true: local tar archives are extracted).
     *
     * @param sources paths relative to the source, may hold wildcards
     * @param destination as written; relative to the working directory unless absolute
     * @param checksum ADD's {@code --checksum=sha256:...} for a URL source
     * @param inlineFiles the here-documents, copied after the sources as BuildKit does
     */
    record CopyStep(Location location, String text, Map<String, String> args, boolean add, CopySource source,
            List<String> sources, String destination, Optional<String> chown, Optional<String> chmod,
            List<String> exclude, boolean parents, boolean link, Optional<String> checksum,
            List<InlineFile> inlineFiles) implements Step {
        public CopyStep {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(text, "text");
            args = ordered(args);
            Objects.requireNonNull(source, "source");
            sources = List.copyOf(sources);
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(chown, "chown");
            Objects.requireNonNull(chmod, "chmod");
            exclude = List.copyOf(exclude);
            Objects.requireNonNull(checksum, "checksum");
            inlineFiles = List.copyOf(inlineFiles);
            if (sources.isEmpty() && inlineFiles.isEmpty()) {
                throw new IllegalArgumentException("COPY needs at least one source");
            }
        }
    }

    /** RUN: the command runs through the stage's SHELL when in shell form, with its {@code --mount}s. */
    record RunStep(Location location, String text, Map<String, String> args, ShellOrExec command, NetworkMode network,
            List<RunMount> mounts) implements Step {
        public RunStep {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(text, "text");
            args = ordered(args);
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(network, "network");
            mounts = List.copyOf(mounts);
        }
    }

    private static Map<String, String> ordered(Map<String, String> args) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}
