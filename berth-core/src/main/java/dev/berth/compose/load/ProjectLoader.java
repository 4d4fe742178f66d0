package dev.berth.compose.load;

import dev.berth.compose.model.ComposeProject;
import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.NodePosition;
import dev.berth.compose.model.ScalarType;
import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads a Compose project as Docker Compose 2.26.1 does: the files located, the {@code .env} read, each file
 * parsed, interpolated, its includes and extends resolved and its services put in long form, the files merged
 * in order, then names, defaults, profiles and references settled by {@link ProjectNormalizer}.
 */
public final class ProjectLoader {

    private static final java.util.Set<String> TOP_LEVEL = java.util.Set.of("version", "name", "include",
            "services", "networks", "volumes", "secrets", "configs");

    private final Function<String, Optional<String>> lookup;
    private final boolean interpolate;
    private final String home;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> unset = new ArrayList<>();

    private ProjectLoader(Function<String, Optional<String>> lookup, boolean interpolate, String home) {
        this.lookup = lookup;
        this.interpolate = interpolate;
        this.home = home;
    }

    public static ComposeProject load(ProjectOptions options) {
        Path workingDirectory = options.workingDirectory().toAbsolutePath().normalize();
        ComposeFileLocator.Located located = ComposeFileLocator.locate(workingDirectory, options.files(),
                options.environment());
        Path projectDirectory = options.projectDirectory().map(workingDirectory::resolve).map(Path::normalize)
                .orElse(located.files().getFirst().getParent());
        Map<String, String> environment = new HashMap<>();
        List<Path> envFiles = options.envFiles().isEmpty()
                ? List.of(projectDirectory.resolve(".env")).stream().filter(Files::isRegularFile).toList()
                : options.envFiles().stream().map(workingDirectory::resolve).toList();
        for (Path envFile : envFiles) {
            environment.putAll(DotEnvParser.parse(envFile.toString(), read(envFile),
                    name -> Optional.ofNullable(options.environment().get(name))));
        }
        environment.putAll(options.environment());
        Map<String, String> variables = Map.copyOf(environment);
        ProjectLoader loader = new ProjectLoader(name -> Optional.ofNullable(variables.get(name)),
                options.interpolate(), variables.getOrDefault("HOME", "/root"));
        loader.warnings.addAll(located.warnings());
        ComposeNode.Mapping model = ComposeNode.Mapping.empty(NodePosition.synthetic(located.files().getFirst().toString()));
        for (Path file : located.files()) {
            model = OverrideMerger.merge(model, loader.loadFile(file, projectDirectory, new ArrayList<>()));
        }
        model = (ComposeNode.Mapping) OverrideMerger.clean(model);
        loader.unset.stream().distinct().forEach(name -> loader.warnings.add(
                "The \"" + name + "\" variable is not set. Defaulting to a blank string."));
        List<String> profiles = options.profiles().isEmpty()
                ? List.of(variables.getOrDefault("COMPOSE_PROFILES", "").split(",")).stream()
                        .map(String::strip).filter(p -> !p.isEmpty()).toList()
                : options.profiles();
        String name = projectName(options, variables, model, projectDirectory);
        return new ProjectNormalizer(name, projectDirectory, profiles, loader.lookup, loader.warnings)
                .normalize(model);
    }

    private static String projectName(ProjectOptions options, Map<String, String> variables, ComposeNode.Mapping model,
                                      Path projectDirectory) {
        Optional<String> given = options.projectName().filter(n -> !n.isEmpty())
                .or(() -> Optional.ofNullable(variables.get("COMPOSE_PROJECT_NAME")).filter(n -> !n.isEmpty()));
        if (given.isPresent()) {
            if (!ComposeFileLocator.validName(given.get())) {
                throw ComposeErrors.at(NodePosition.synthetic("-p"), "invalid project name \"" + given.get()
                        + "\": must consist only of lowercase alphanumeric characters, hyphens, and underscores"
                        + " as well as start with a letter or number");
            }
            return given.get();
        }
        Optional<String> fromFile = model.text("name").filter(n -> !n.isEmpty());
        String name = ComposeFileLocator.normalizedName(fromFile
                .orElse(projectDirectory.getFileName() == null ? "" : projectDirectory.getFileName().toString()));
        if (name.isEmpty()) {
            throw ComposeErrors.at(model.position(), "project name must not be empty");
        }
        return name;
    }

    /** One file, interpolated, includes merged in, services in long form and extends resolved. */
    ComposeNode.Mapping loadFile(Path file, Path baseDirectory, List<Path> stack) {
        if (stack.contains(file)) {
            throw ComposeErrors.at(NodePosition.synthetic(file.toString()), "include cycle: " + stack);
        }
        // Documents of one file merge as files do.
        ComposeNode.Mapping merged = null;
        for (ComposeNode document : YamlNodeReader.read(file.toString(), read(file))) {
            ComposeNode.Mapping loaded = loadDocument(Nodes.requireMapping(document, "top level"), file, baseDirectory,
                    stack);
            merged = merged == null ? loaded : OverrideMerger.merge(merged, loaded);
        }
        return merged;
    }

    private ComposeNode.Mapping loadDocument(ComposeNode.Mapping document, Path file, Path baseDirectory,
                                             List<Path> stack) {
        ComposeNode.Mapping top = document;
        for (Map.Entry<String, ComposeNode> entry : top.entries().entrySet()) {
            if (!entry.getKey().startsWith("x-") && !TOP_LEVEL.contains(entry.getKey())) {
                throw ComposeErrors.attribute(entry.getValue().position(), "top level", "additional property "
                        + entry.getKey() + " is not allowed");
            }
        }
        if (interpolate) {
            top = (ComposeNode.Mapping) interpolated(top, "");
        }
        if (top.get("version").isPresent()) {
            warnings.add(file + ": the attribute `version` is obsolete, it will be ignored, please remove it to"
                    + " avoid potential confusion");
            top = top.without("version");
        }
        ComposeNode.Mapping includes = ComposeNode.Mapping.empty(top.position());
        if (top.get("include").isPresent()) {
            List<Path> nested = new ArrayList<>(stack);
            nested.add(file);
            includes = includes(top.get("include").orElseThrow(), baseDirectory, nested);
            top = top.without("include");
        }
        if (top.get("services").isPresent()) {
            ComposeNode.Mapping services = Nodes.requireMapping(top.get("services").orElseThrow(), "services");
            LinkedHashMap<String, ComposeNode> canonical = new LinkedHashMap<>();
            services.entries().forEach((name, service) -> canonical.put(name,
                    ServiceForms.canonical(name, service, baseDirectory, home)));
            ComposeNode.Mapping forms = ComposeNode.Mapping.of(canonical, services.position());
            top = top.with("services", new ServiceExtender(this, file, baseDirectory, forms).resolveAll());
        }
        for (String section : List.of("networks", "volumes", "secrets", "configs")) {
            if (top.get(section).isPresent()) {
                top = top.with(section, ResourceForms.canonical(section,
                        Nodes.requireMapping(top.get(section).orElseThrow(), section)));
            }
        }
        return IncludeMerger.mergeIncluded(includes, top);
    }

    private ComposeNode.Mapping includes(ComposeNode value, Path baseDirectory, List<Path> stack) {
        List<ComposeNode> entries = value instanceof ComposeNode.Sequence sequence ? sequence.items() : List.of(value);
        ComposeNode.Mapping merged = ComposeNode.Mapping.empty(value.position());
        for (ComposeNode entry : entries) {
            ComposeNode.Mapping include = entry instanceof ComposeNode.Scalar scalar
                    ? Nodes.mapping(Map.of("path", scalar), scalar.position()) : Nodes.requireMapping(entry, "include");
            ComposeNode.Sequence paths = Nodes.stringList(include.get("path").orElseThrow(
                    () -> ComposeErrors.attribute(include.position(), "include", "path is required")), "include.path");
            ComposeNode.Mapping included = ComposeNode.Mapping.empty(include.position());
            for (ComposeNode path : paths.items()) {
                Path target = baseDirectory.resolve(Nodes.text(path, "include.path")).normalize();
                Path directory = include.text("project_directory").map(baseDirectory::resolve)
                        .orElse(target.getParent());
                included = OverrideMerger.merge(included, loadFile(target, directory, stack));
            }
            merged = IncludeMerger.mergeIncluded(merged, included);
        }
        return merged;
    }

    private ComposeNode interpolated(ComposeNode node, String path) {
        return switch (node) {
            case ComposeNode.Scalar scalar when scalar.type() == ScalarType.STRING -> {
                try {
                    String expanded = new Interpolation(lookup, unset).expand(scalar.text());
                    yield new ComposeNode.Scalar(expanded, ScalarType.STRING, scalar.position(), scalar.tag());
                } catch (Interpolation.Failure failure) {
                    throw ComposeErrors.attribute(scalar.position(), path.isEmpty() ? "value" : path,
                            failure.getMessage());
                }
            }
            case ComposeNode.Scalar scalar -> scalar;
            case ComposeNode.Sequence sequence -> {
                List<ComposeNode> items = new ArrayList<>();
                for (int i = 0; i < sequence.items().size(); i++) {
                    items.add(interpolated(sequence.items().get(i), path + "[" + i + "]"));
                }
                yield new ComposeNode.Sequence(items, sequence.position(), sequence.tag());
            }
            case ComposeNode.Mapping mapping -> {
                LinkedHashMap<String, ComposeNode> entries = new LinkedHashMap<>();
                mapping.entries().forEach((key, value) -> entries.put(key,
                        interpolated(value, path.isEmpty() ? key : path + "." + key)));
                yield new ComposeNode.Mapping(entries, mapping.position(), mapping.tag());
            }
        };
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new NotFoundException("open " + file + ": no such file or directory", missing);
        } catch (IOException failed) {
            throw new NotFoundException("reading " + file + ": " + failed.getMessage(), failed);
        }
    }
}
