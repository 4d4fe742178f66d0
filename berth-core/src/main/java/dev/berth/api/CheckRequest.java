package dev.berth.api;

import dev.berth.diagnostic.SourceFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code berth dockerfile check}: a Dockerfile checked as a build of {@code context} would see it, without
 * building; made with {@link #builder}.
 *
 * @param source     the Dockerfile's name and text
 * @param buildArgs  {@code --build-arg} values
 * @param target     the stage that would be built, the last when empty
 * @param context    the context directory; sources are checked against it only when it is a directory
 * @param dockerfile where the Dockerfile lives, whose {@code NAME.dockerignore} replaces the context's; empty when
 *                   it came from standard input
 * @param shellcheck the {@code shellcheck} program that checks the RUN commands; empty: ShellCheck is not run
 */
public record CheckRequest(SourceFile source, Map<String, String> buildArgs, Optional<String> target, Path context,
        Optional<Path> dockerfile, Optional<Path> shellcheck) {

    public CheckRequest {
        Objects.requireNonNull(source, "source");
        buildArgs = Map.copyOf(buildArgs);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dockerfile, "dockerfile");
        Objects.requireNonNull(shellcheck, "shellcheck");
    }

    /** A check of {@code source} with no arguments, the last stage, and the current directory as context. */
    public static Builder builder(SourceFile source) {
        return new Builder(source);
    }

    /** Sets a check's fields one by one; not thread-safe. */
    public static final class Builder {

        private final SourceFile source;
        private Map<String, String> buildArgs = Map.of();
        private Optional<String> target = Optional.empty();
        private Path context = Path.of(".");
        private Optional<Path> dockerfile = Optional.empty();
        private Optional<Path> shellcheck = Optional.empty();

        private Builder(SourceFile source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder buildArgs(Map<String, String> value) {
            buildArgs = value;
            return this;
        }

        public Builder target(String stage) {
            target = Optional.of(stage);
            return this;
        }

        public Builder context(Path value) {
            context = value;
            return this;
        }

        public Builder dockerfile(Path value) {
            dockerfile = Optional.of(value);
            return this;
        }

        /** Runs ShellCheck on the RUN commands with this {@code shellcheck} program. */
        public Builder shellcheck(Path program) {
            shellcheck = Optional.of(program);
            return this;
        }

        /**
         * Runs ShellCheck when a {@code shellcheck} program is on {@code environment}'s {@code PATH} (what
         * {@code berth check} does with its own environment); nothing when there is none.
         */
        public Builder shellcheckFrom(Map<String, String> environment) {
            shellcheck = dev.berth.dockerfile.shellcheck.ShellCheck.find(environment);
            return this;
        }

        public CheckRequest build() {
            return new CheckRequest(source, buildArgs, target, context, dockerfile, shellcheck);
        }
    }
}
