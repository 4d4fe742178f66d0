package dev.berth.plan;

import dev.berth.context.ExcludePatterns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One step of a stage, fully resolved: variables expanded, flags parsed, stage references resolved. This is all
 * the engine learns of the Dockerfile. {@code text} is the instruction as progress shows it; {@code args} are the
 * build arguments visible to the step, in declaration order, part of its cache key ({@link StepKey}).
 */
public sealed interface Step {

    StepPosition position();

    String text();

    Map<String, String> args();

    /** A step that changes only the image config (ENV, CMD, LABEL, ...) or, for WORKDIR, makes a directory. */
    record ConfigStep(StepPosition position, String text, Map<String, String> args, ConfigChange change)
            implements Step {
        public ConfigStep {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(text, "text");
            args = ordered(args);
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * COPY or ADD ({@code add} true: local tar archives are extracted).
     *
     * @param sources paths relative to the source, may hold wildcards
     * @param destination as written; relative to the working directory unless absolute
     * @param chown {@code --chown}, resolved against the stage's users when the step runs
     * @param checksum ADD's {@code --checksum=sha256:...} for a URL source
     * @param inlineFiles the here-documents, copied after the sources as BuildKit does
     */
    record CopyStep(StepPosition position, String text, Map<String, String> args, boolean add, CopySource source,
            List<String> sources, String destination, Optional<FileOwner> chown, Optional<OctalMode> chmod,
            ExcludePatterns exclude, boolean parents, boolean link, Optional<String> checksum,
            List<InlineFile> inlineFiles) implements Step {
        public CopyStep {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(text, "text");
            args = ordered(args);
            Objects.requireNonNull(source, "source");
            sources = List.copyOf(sources);
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(chown, "chown");
            Objects.requireNonNull(chmod, "chmod");
            Objects.requireNonNull(exclude, "exclude");
            Objects.requireNonNull(checksum, "checksum");
            inlineFiles = List.copyOf(inlineFiles);
            if (sources.isEmpty() && inlineFiles.isEmpty()) {
                throw new IllegalArgumentException("COPY needs at least one source");
            }
        }

        /** Whether this ADD fetches a source from the network, which every build must look at again. */
        public boolean fetchesRemote() {
            return add && sources.stream().anyMatch(CopyStep::isRemote);
        }

        /** ADD's URLs and git repositories are fetched, not looked up in the context. */
        public static boolean isRemote(String source) {
            return source.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") || source.startsWith("git@");
        }
    }

    /**
     * RUN: the command runs through the stage's SHELL when in shell form, with its {@code --mount}s.
     *
     * @param args the ARGs visible to the step and the proxy build args, all in its environment
     * @param proxyArgs which of {@code args} are proxy settings: BuildKit keeps them out of the step's history
     */
    record RunStep(StepPosition position, String text, Map<String, String> args, Set<String> proxyArgs,
            Command command, RunNetwork network, List<RunMount> mounts) implements Step {
        public RunStep {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(text, "text");
            args = ordered(args);
            proxyArgs = java.util.Collections.unmodifiableSet(new TreeSet<>(proxyArgs));
            if (!args.keySet().containsAll(proxyArgs)) {
                throw new IllegalArgumentException("proxy args " + proxyArgs + " are not all among " + args.keySet());
            }
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(network, "network");
            mounts = List.copyOf(mounts);
        }
    }

    private static Map<String, String> ordered(Map<String, String> args) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}
