package dev.berth.dockerfile.shellcheck;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.instruction.WordLocator;
import dev.berth.io.SearchPath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code shellcheck} program, run once per Dockerfile over all its RUN scripts: each script is a file of a
 * temporary directory, starting with a {@code # shellcheck shell=DIALECT} directive (unless it has its own
 * {@code #!} line) so that one process checks every dialect; {@code -f json1} is read with Jackson and each comment
 * mapped back to the Dockerfile (the header's lines taken off). {@link #start} returns at once, so the caller runs its
 * own rules meanwhile. SC1090 and SC1091 (a sourced file that cannot be followed) are excluded: the files a RUN
 * sources are in the image, not here. {@code --norc} and no {@code SHELLCHECK_OPTS}: the findings are the same
 * whoever runs the check.
 */
public final class ShellCheck {

    /** The file shellcheck writes its json1 report to, beside the scripts. */
    private static final String REPORT = "report.json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Immutable, so shared: the json1 report, whatever fields a newer shellcheck adds. */
    private static final ObjectReader REPORTS = new ObjectMapper().readerFor(ShellCheckReport.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What would make the findings depend on who runs berth check: shellcheck reads it as extra options. */
    private static final String OPTIONS_VARIABLE = "SHELLCHECK_OPTS";

    private final Path executable;
    private final Map<String, String> environment;
    private final Path scratch;

    /** Runs {@code executable} with this process's environment, less {@code SHELLCHECK_OPTS}, in the JVM's temp. */
    public ShellCheck(Path executable) {
        this(executable, System.getenv(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Runs {@code executable} with {@code environment}, less {@code SHELLCHECK_OPTS}, and with {@code --norc}: neither
     * a user's options nor a {@code .shellcheckrc} (in their home, or in a directory above the scripts') changes
     * the findings, which are the same for everyone. The scripts are written to a directory made under
     * {@code scratch}, removed when the check is closed.
     */
    public ShellCheck(Path executable, Map<String, String> environment, Path scratch) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.scratch = scratch;
    }

    /** The {@code shellcheck} on {@code env}'s {@code PATH}, if any. */
    public static Optional<Path> find(Map<String, String> env) {
        return SearchPath.of(env).find("shellcheck");
    }

    /**
     * Starts checking {@code scripts}; nothing runs when there is none. The caller closes what it gets back on every
     * path (try-with-resources), so that no shellcheck outlives a check that failed before {@link Pending#finish}.
     */
    public Pending start(List<RunScript> scripts) {
        if (scripts.isEmpty()) {
            return Pending.nothing();
        }
        Path directory;
        try {
            directory = Files.createTempDirectory(scratch, "berth-shellcheck");
        } catch (IOException failure) {
            return new Pending(Optional.empty(), Optional.empty(), Map.of(),
                    Optional.of("cannot create a temporary directory: " + failure.getMessage()));
        }
        Map<String, Script> files = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--norc", "-f", "json1",
                "--exclude=SC1090,SC1091"));
        try {
            for (int i = 0; i < scripts.size(); i++) {
                RunScript script = scripts.get(i);
                boolean shebang = script.script().startsWith("#!");
                String name = "run-" + script.run().startLine() + "-" + i + ".sh";
                // Before the script: the dialect, and the ARG and ENV names its environment has (export x y), so
                // that $x is not "referenced but not assigned". A #! line must stay first: it names the dialect.
                String header = shebang ? "" : "# shellcheck shell=" + script.dialect().directiveName() + "\n"
                        + (script.variables().isEmpty() ? "" : "export " + String.join(" ", script.variables()) + "\n");
                Files.writeString(directory.resolve(name), header + script.script(), StandardCharsets.UTF_8);
                files.put(name, new Script(script, (int) header.lines().count()));
                command.add(name);
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(directory.resolve(REPORT).toFile()).redirectError(directory.resolve("stderr").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().remove(OPTIONS_VARIABLE);
            Process process = builder.start();
            return new Pending(Optional.of(process), Optional.of(directory), files, Optional.empty());
        } catch (IOException failure) {
            delete(directory);
            return new Pending(Optional.empty(), Optional.empty(), Map.of(),
                    Optional.of("cannot run " + executable + ": " + failure.getMessage()));
        }
    }

    /** A script written for ShellCheck, and how many lines were put before it (the directive). */
    private record Script(RunScript run, int shift) {
    }

    /**
     * A running ShellCheck; {@link #finish} waits for it and reads its report, {@link #close} kills it if it still
     * runs, waits for it to be gone, and removes its files (both may be called, in that order or not at all).
     */
    public static final class Pending implements AutoCloseable {

        private final Optional<Process> process;
        private final Optional<Path> directory;
        private final Map<String, Script> files;
        private final Optional<String> failure;

        private Pending(Optional<Process> process, Optional<Path> directory, Map<String, Script> files,
                Optional<String> failure) {
            this.process = process;
            this.directory = directory;
            this.files = files;
            this.failure = failure;
        }

        /** No ShellCheck at all: no finding, no failure (no program, or the rule skipped). */
        public static Pending nothing() {
            return new Pending(Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
        }

        /** Kills the process if it still runs and waits (a bounded time) until it is gone, then removes its files. */
        @Override
        public void close() {
            process.ifPresent(running -> {
                running.destroyForcibly();
                try {
                    running.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            directory.ifPresent(ShellCheck::delete);
        }

        /** The findings, mapped to {@code source}'s lines and columns, in Dockerfile order; then {@link #close}s. */
        public ShellCheckResult finish(SourceFile source) {
            if (failure.isPresent()) {
                return ShellCheckResult.failed(failure.get());
            }
            if (process.isEmpty()) {
                return new ShellCheckResult(List.of(), Optional.empty());
            }
            try {
                return read(process.get(), new WordLocator(source));
            } finally {
                close();
            }
        }

        private ShellCheckResult read(Process running, WordLocator locator) {
            byte[] output;
            try {
                // The report goes to a file, so the wait can time out (a pipe read first would block past it) and
                // a report larger than the pipe cannot stall shellcheck.
                if (!running.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.destroyForcibly().waitFor();
                    return ShellCheckResult.failed("shellcheck did not finish within " + TIMEOUT.toSeconds() + " s");
                }
                output = Files.readAllBytes(directory.orElseThrow().resolve(REPORT));
            } catch (IOException failed) {
                return ShellCheckResult.failed("reading shellcheck's report: " + failed.getMessage());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return ShellCheckResult.failed("interrupted while shellcheck ran");
            }
            // 0: no comment, 1: comments; anything else is shellcheck refusing (bad option, unreadable file).
            if (running.exitValue() > 1) {
                return ShellCheckResult.failed("shellcheck exited with status " + running.exitValue() + ": "
                        + errorLine());
            }
            ShellCheckReport report;
            try {
                report = REPORTS.readValue(output);
            } catch (IOException unreadable) {
                return ShellCheckResult.failed("shellcheck's report is not json1: " + unreadable.getMessage());
            }
            List<ShellCheckFinding> findings = new ArrayList<>();
            for (ShellCheckReport.Comment comment : report.comments()) {
                Script script = files.get(comment.file());
                if (script == null || comment.line() - script.shift() < 1) {
                    continue;
                }
                RunScript run = script.run();
                int line = comment.line() - script.shift();
                findings.add(new ShellCheckFinding("SC" + comment.code(), level(comment.level()),
                        run.range(line, comment.column(), comment.endLine() - script.shift(), comment.endColumn(),
                                (from, to) -> locator.joinedRange(run.run(), from, to)),
                        comment.message(), run.run().startLine()));
            }
            findings.sort(Comparator.comparingInt((ShellCheckFinding finding) -> finding.range().startLine())
                    .thenComparingInt(finding -> finding.range().startColumn()));
            return new ShellCheckResult(findings, Optional.empty());
        }

        private String errorLine() {
            try {
                return directory.map(dir -> dir.resolve("stderr")).filter(Files::exists).map(file -> {
                    try {
                        return Files.readString(file).lines().findFirst().orElse("no message");
                    } catch (IOException e) {
                        return "no message";
                    }
                }).orElse("no message");
            } catch (RuntimeException e) {
                return "no message";
            }
        }
    }

    private static ShellCheckFinding.Level level(String level) {
        return switch (level == null ? "" : level.toLowerCase(Locale.ROOT)) {
            case "error" -> ShellCheckFinding.Level.ERROR;
            case "warning" -> ShellCheckFinding.Level.WARNING;
            case "info" -> ShellCheckFinding.Level.INFO;
            default -> ShellCheckFinding.Level.STYLE;
        };
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // A temporary directory left behind is the system's to clean; the check's result stands.
        }
    }
}
