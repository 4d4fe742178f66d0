package dev.berth.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code berth build} command line without picocli, when it is plain enough that the result is
 * certainly what picocli would make of it. Loading picocli (compiled for Java 5, so outside the AOT
 * cache) and reflecting over {@code build}'s options costs a cached rebuild about as much CPU as the
 * build itself; a plain command line is the common case.
 *
 * <p>Plain means: {@code build}, then options in their separate ({@code -t NAME}, {@code --tag NAME}) or
 * long attached ({@code --tag=NAME}) form, each single-valued option at most once, no value that
 * starts with {@code -} or {@code @}, and one context that starts with neither. Anything else (help,
 * {@code --secret}, {@code --}, clustered or attached short options, argument files, stdin, a usage
 * error) gives empty, and picocli reads the line as before, printing what it always printed.
 */
final class PlainBuildArguments {

    private static final Set<String> FLAGS = Set.of("-q", "--quiet", "--no-cache", "--pull", "--explain-cache",
            "--check");

    private PlainBuildArguments() {
    }

    /** The {@code build} command {@code args} describe, or empty when picocli must read them. */
    static Optional<BuildCommand> parse(String... args) {
        if (args.length < 2 || !args[0].equals("build")) {
            return Optional.empty();
        }
        BuildCommand build = new BuildCommand();
        build.store = new StoreOptions();
        build.runtimeState = Path.of("/run/berth");
        Set<String> seen = new HashSet<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("@")) {
                    return Optional.empty();
                }
                if (!arg.startsWith("-")) {
                    if (build.context != null) {
                        return Optional.empty();
                    }
                    build.context = arg;
                    continue;
                }
                if (FLAGS.contains(arg)) {
                    if (!seen.add(canonical(arg)) ) {
                        return Optional.empty();
                    }
                    setFlag(build, arg);
                    continue;
                }
                int equals = arg.indexOf('=');
                String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
                String value;
                if (equals > 0 && arg.startsWith("--")) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return Optional.empty();
                }
                if (value.startsWith("-") || value.startsWith("@") || !setValue(build, name, value, seen)) {
                    return Optional.empty();
                }
            }
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
        return build.context == null ? Optional.empty() : Optional.of(build);
    }

    private static String canonical(String flag) {
        return flag.equals("-q") ? "--quiet" : flag;
    }

    private static void setFlag(BuildCommand build, String flag) {
        switch (flag) {
            case "-q", "--quiet" -> build.quiet = true;
            case "--no-cache" -> build.noCache = true;
            case "--pull" -> build.pull = "always";
            case "--explain-cache" -> build.explainCache = true;
            case "--check" -> build.check = true;
            default -> throw new IllegalArgumentException("not a flag of build: " + flag);
        }
    }

    /** Sets option {@code name}; false when it is not one this reader takes, or a single value is given twice. */
    private static boolean setValue(BuildCommand build, String name, String value, Set<String> seen) {
        switch (name) {
            case "-t", "--tag" -> build.tags.add(value);
            case "--build-arg" -> build.buildArgs.add(value);
            case "--label" -> build.labels.add(value);
            case "-o", "--output" -> build.outputs.add(value);
            default -> {
                return setSingle(build, name, value) && seen.add(name.equals("-f") ? "--file" : name);
            }
        }
        return true;
    }

    private static boolean setSingle(BuildCommand build, String name, String value) {
        switch (name) {
            case "-f", "--file" -> build.file = value;
            case "--target" -> build.target = value;
            case "--platform" -> build.platform = value;
            case "--iidfile" -> build.iidFile = Path.of(value);
            case "--runtime" -> build.runtime = value;
            case "--runtime-state" -> build.runtimeState = Path.of(value);
            case "--progress" -> build.progress = value;
            case "--root" -> build.store.root = Path.of(value);
            case "--pull" -> {
                if (!PullOption.VALUES.contains(value)) {
                    return false;
                }
                build.pull = value;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The options this reader takes, for tests that compare it with picocli. */
    static List<String> optionNames() {
        return List.of("-q", "--quiet", "--no-cache", "--pull", "--explain-cache", "--check", "-t", "--tag", "--build-arg",
                "--label", "-o", "--output", "-f", "--file", "--target", "--platform", "--iidfile", "--runtime",
                "--runtime-state", "--progress", "--root");
    }
}
