package dev.berth.compose;

import dev.berth.api.ComposeConfig;
import dev.berth.api.ComposeProjects;
import dev.berth.api.ComposeRequest;
import dev.berth.api.ComposeView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fixture projects under {@code compose/fixtures} and their Docker Compose outputs under {@code compose/golden}
 * (see {@code compose/regenerate.sh}): how a project is laid out and run, for the golden test and the oracle IT.
 * A project runs from {@code /tmp/berth-compose-fixtures/NAME}, as when its outputs were made: paths are part of
 * the output and of the config hash.
 */
record ComposeFixtures(String name, Path golden, Path fixture) {

    static final Path RUN_ROOT = Path.of("/tmp/berth-compose-fixtures");
    static final List<String> VIEWS = List.of("yaml", "json", "hash", "services", "volumes", "profiles", "images");

    static List<ComposeFixtures> all() {
        Path root = resources();
        try (Stream<Path> names = Files.list(root.resolve("fixtures"))) {
            return names.sorted().map(dir -> new ComposeFixtures(dir.getFileName().toString(),
                    root.resolve("golden").resolve(dir.getFileName()), dir)).toList();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static Path resources() {
        try {
            return Path.of(ComposeFixtures.class.getResource("/compose/fixtures").toURI()).getParent();
        } catch (URISyntaxException bad) {
            throw new IllegalStateException(bad);
        }
    }

    Optional<String> control(String file) {
        Path path = golden.resolve(file);
        try {
            return Files.exists(path) ? Optional.of(Files.readString(path, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    String expected(String view) {
        return control(view + ".out").orElseThrow(() -> new IllegalStateException(name + ": no " + view + ".out"));
    }

    boolean fails() {
        return control("error.txt").isPresent();
    }

    List<String> globalArgs() {
        return words(control("args").orElse(""));
    }

    List<String> configArgs() {
        return words(control("config-args").orElse(""));
    }

    /** {@code HOME=/home/fixture} and the fixture's variables: all the environment the outputs were made with. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HOME", "/home/fixture");
        for (String line : control("env").orElse("").split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                environment.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return environment;
    }

    /** Copies the project to {@link #RUN_ROOT}{@code /NAME}; gives the directory to run in. */
    Path prepare() {
        Path target = RUN_ROOT.resolve(name);
        try {
            delete(target);
            try (Stream<Path> files = Files.walk(fixture)) {
                for (Path source : files.toList()) {
                    Path copy = target.resolve(fixture.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy);
                    }
                }
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return control("cwd").map(cwd -> target.resolve(cwd.strip())).orElse(target);
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Berth's answer for one view, through the API as {@code berth compose ARGS config CONFIG-ARGS} asks. */
    ComposeConfig berth(Path workingDirectory, ComposeView view) {
        ComposeRequest.Builder request = ComposeRequest.builder(workingDirectory).environment(environment())
                .interpolate(!configArgs().contains("--no-interpolate"));
        List<String> args = globalArgs();
        List<Path> files = new ArrayList<>();
        List<Path> envFiles = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (args.get(i)) {
                case "-f" -> files.add(Path.of(value));
                case "-p" -> request.projectName(value);
                case "--project-directory" -> request.projectDirectory(Path.of(value));
                case "--env-file" -> envFiles.add(Path.of(value));
                case "--profile" -> profiles.add(value);
                default -> throw new IllegalArgumentException(name + ": unknown argument " + args.get(i));
            }
            i++;
        }
        return ComposeProjects.config(request.files(files).envFiles(envFiles).profiles(profiles).build(), view);
    }

    static ComposeView view(String name) {
        return switch (name) {
            case "yaml" -> new ComposeView.Yaml();
            case "json" -> new ComposeView.Json();
            case "hash" -> new ComposeView.Hashes(List.of("*"));
            case "services" -> new ComposeView.Services();
            case "volumes" -> new ComposeView.Volumes();
            case "profiles" -> new ComposeView.Profiles();
            case "images" -> new ComposeView.Images();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The lists Compose prints in Go's random map order are compared sorted. */
    static String comparable(String view, String text) {
        if (List.of("services", "volumes", "profiles", "images").contains(view)) {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));
            lines.removeIf(String::isEmpty);
            lines.sort(Comparator.naturalOrder());
            return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        }
        return text;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
