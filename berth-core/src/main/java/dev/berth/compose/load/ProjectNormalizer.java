package dev.berth.compose.load;

import dev.berth.compose.model.ComposeProject;
import dev.berth.compose.model.ComposeService;
import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.NodePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Settles a merged model as Compose does before printing or running it: services outside the active profiles
 * dropped, {@code env_file}s read into {@code environment}, variables without a value taken from the environment,
 * the {@code default} network given to services with none, resource names ({@code PROJECT_KEY}, the key when
 * external), files made absolute; references checked; and, as {@code config} prints, the resources no enabled
 * service uses left out.
 */
final class ProjectNormalizer {

    private static final List<String> RESOURCES = List.of("networks", "volumes", "secrets", "configs");

    private final String name;
    private final Path projectDirectory;
    private final Set<String> profiles;
    private final Function<String, Optional<String>> lookup;
    private final List<String> warnings;

    ProjectNormalizer(String name, Path projectDirectory, List<String> profiles,
                      Function<String, Optional<String>> lookup, List<String> warnings) {
        this.name = name;
        this.projectDirectory = projectDirectory;
        this.profiles = Set.copyOf(profiles);
        this.lookup = lookup;
        this.warnings = warnings;
    }

    ComposeProject normalize(ComposeNode.Mapping merged) {
        NodePosition at = merged.position();
        ComposeNode.Mapping services = merged.mapping("services").orElse(ComposeNode.Mapping.empty(at));
        TreeSet<String> allProfiles = new TreeSet<>();
        LinkedHashMap<String, ComposeNode> enabled = new LinkedHashMap<>();
        for (Map.Entry<String, ComposeNode> entry : services.entries().entrySet()) {
            ComposeNode.Mapping service = (ComposeNode.Mapping) entry.getValue();
            List<String> own = service.get("profiles").map(p -> strings(p)).orElse(List.of());
            allProfiles.addAll(own);
            if (own.isEmpty() || profiles.contains("*") || own.stream().anyMatch(profiles::contains)) {
                enabled.put(entry.getKey(), service(entry.getKey(), service));
            }
        }
        LinkedHashMap<String, ComposeNode> top = new LinkedHashMap<>();
        top.put("name", Nodes.string(name, at));
        top.put("services", ComposeNode.Mapping.of(enabled, services.position()));
        for (String section : RESOURCES) {
            ComposeNode.Mapping declared = merged.mapping(section).orElse(ComposeNode.Mapping.empty(at));
            if (section.equals("networks") && usesDefaultNetwork(enabled) && declared.get("default").isEmpty()) {
                declared = declared.with("default", ComposeNode.Scalar.nullAt(at));
            }
            top.put(section, declared);
        }
        merged.entries().forEach((key, value) -> {
            if (key.startsWith("x-")) {
                top.put(key, value);
            }
        });
        ComposeNode.Mapping model = ComposeNode.Mapping.of(top, at);
        ReferenceChecks.check(model);
        for (String section : RESOURCES) {
            model = model.with(section, resources(section, model));
        }
        LinkedHashMap<String, ComposeService> records = new LinkedHashMap<>();
        enabled.forEach((serviceName, node) -> records.put(serviceName, record(serviceName, (ComposeNode.Mapping) node,
                hashed(serviceName, (ComposeNode.Mapping) services.entries().get(serviceName), (ComposeNode.Mapping) node))));
        return new ComposeProject(name, projectDirectory, records, model, List.copyOf(allProfiles), warnings);
    }

    private ComposeNode service(String serviceName, ComposeNode.Mapping service) {
        ComposeNode.Mapping out = service;
        Optional<ComposeNode> envFiles = service.get("env_file");
        if (envFiles.isPresent() || service.get("environment").isPresent()) {
            LinkedHashMap<String, ComposeNode> environment = new LinkedHashMap<>();
            for (ComposeNode file : envFiles.map(f -> ((ComposeNode.Sequence) f).items()).orElse(List.of())) {
                ComposeNode.Mapping spec = (ComposeNode.Mapping) file;
                Path path = Path.of(spec.text("path").orElseThrow());
                boolean required = spec.text("required").map(Boolean::parseBoolean).orElse(true);
                if (!java.nio.file.Files.isRegularFile(path)) {
                    if (required) {
                        throw ComposeErrors.attribute(file.position(), "services." + serviceName + ".env_file",
                                "env file " + path + " not found");
                    }
                    continue;
                }
                DotEnvParser.parse(path.toString(), ProjectLoader.read(path), lookup)
                        .forEach((k, v) -> environment.put(k, Nodes.string(v, file.position())));
            }
            service.mapping("environment").ifPresent(given -> given.entries().forEach((key, value) -> {
                if (value instanceof ComposeNode.Scalar scalar && scalar.isNull()) {
                    Optional<String> inherited = lookup.apply(key);
                    environment.put(key, inherited.<ComposeNode>map(v -> Nodes.string(v, scalar.position())).orElse(scalar));
                } else {
                    environment.put(key, value);
                }
            }));
            out = out.without("env_file").without("environment");
            if (!environment.isEmpty()) {
                out = out.with("environment", ComposeNode.Mapping.of(environment, service.position()));
            }
        }
        if (out.mapping("build").flatMap(b -> b.mapping("args")).isPresent()) {
            ComposeNode.Mapping build = out.mapping("build").orElseThrow();
            LinkedHashMap<String, ComposeNode> args = new LinkedHashMap<>();
            build.mapping("args").orElseThrow().entries().forEach((key, value) -> {
                if (value instanceof ComposeNode.Scalar scalar && scalar.isNull()) {
                    lookup.apply(key).ifPresent(v -> args.put(key, Nodes.string(v, scalar.position())));
                } else {
                    args.put(key, value);
                }
            });
            out = out.with("build", args.isEmpty() ? build.without("args")
                    : build.with("args", ComposeNode.Mapping.of(args, build.position())));
        }
        limitsAgree(serviceName, out);
        Optional<String> sharedWith = out.text("network_mode").filter(mode -> mode.startsWith("service:"))
                .map(mode -> mode.substring("service:".length()));
        if (sharedWith.isPresent()) {
            // Compose makes the service whose network is shared a dependency, restarted with it.
            ComposeNode.Mapping dependencies = out.mapping("depends_on").orElse(ComposeNode.Mapping.empty(out.position()));
            if (dependencies.get(sharedWith.get()).isEmpty()) {
                dependencies = dependencies.with(sharedWith.get(), Nodes.mapping(java.util.Map.of(
                        "condition", Nodes.string("service_started", out.position()),
                        "restart", Nodes.bool(true, out.position()),
                        "required", Nodes.bool(true, out.position())), out.position()));
                out = out.with("depends_on", dependencies);
            }
        }
        if (out.get("networks").isEmpty() && out.get("network_mode").isEmpty()) {
            out = out.with("networks", Nodes.mapping(Map.of("default", ComposeNode.Scalar.nullAt(out.position())),
                    out.position()));
        }
        return out;
    }

    /** compose-go's rule: {@code cpus}, {@code mem_limit}, {@code pids_limit} must equal the deploy limits. */
    private static void limitsAgree(String serviceName, ComposeNode.Mapping service) {
        Optional<ComposeNode.Mapping> limits = service.mapping("deploy").flatMap(d -> d.mapping("resources"))
                .flatMap(r -> r.mapping("limits"));
        if (limits.isEmpty()) {
            return;
        }
        String[][] pairs = {{"cpus", "cpus"}, {"mem_limit", "memory"}, {"pids_limit", "pids"}};
        for (String[] pair : pairs) {
            Optional<String> own = service.text(pair[0]);
            Optional<String> limit = limits.get().text(pair[1]);
            if (own.isPresent() && !sameNumber(own.get(), limit.orElse("0"))) {
                throw ComposeErrors.attribute(service.get(pair[0]).orElseThrow().position(), "services."
                        + serviceName, "can't set distinct values on '" + pair[0] + "' and 'deploy.resources.limits."
                        + pair[1] + "': invalid compose project");
            }
        }
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        } catch (NumberFormatException notNumbers) {
            return a.equals(b);
        }
    }

    private static boolean usesDefaultNetwork(Map<String, ComposeNode> services) {
        return services.values().stream().anyMatch(s -> ((ComposeNode.Mapping) s).mapping("networks")
                .map(n -> n.entries().containsKey("default")).orElse(false));
    }

    /** The section's resources that enabled services use, each with its name and absolute file. */
    private ComposeNode.Mapping resources(String section, ComposeNode.Mapping model) {
        ComposeNode.Mapping declared = model.mapping(section).orElseThrow();
        Set<String> used = ReferenceChecks.used(section, model.mapping("services").orElseThrow());
        LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
        declared.entries().forEach((key, value) -> {
            if (!used.contains(key)) {
                return;
            }
            ComposeNode.Mapping resource = value instanceof ComposeNode.Mapping mapping ? mapping
                    : ComposeNode.Mapping.empty(value.position());
            boolean external = resource.get("external").map(e -> e instanceof ComposeNode.Mapping
                    || e instanceof ComposeNode.Scalar s && s.text().equals("true")).orElse(false);
            if (resource.get("external").orElse(null) instanceof ComposeNode.Mapping legacy) {
                resource = resource.with("external", Nodes.bool(true, legacy.position()));
                if (legacy.text("name").isPresent() && resource.get("name").isEmpty()) {
                    resource = resource.with("name", Nodes.string(legacy.text("name").orElseThrow(),
                            legacy.position()));
                }
            }
            if (resource.get("name").isEmpty()) {
                resource = resource.with("name", Nodes.string(external ? key : name + "_" + key,
                        resource.position()));
            }
            if (resource.text("file").isPresent()) {
                resource = resource.with("file", Nodes.string(VolumeForms.hostPath(resource.text("file")
                        .orElseThrow(), projectDirectory, lookup.apply("HOME").orElse("/root")), resource.position()));
            }
            out.put(key, resource);
        });
        return ComposeNode.Mapping.of(out, declared.position());
    }

    /**
     * What Compose 2.26.1 hashes: the settled service, but with {@code environment} as written (variables without
     * a value resolved) and {@code env_file} listed, a required file by its path, an optional one as a mapping.
     */
    private ComposeNode.Mapping hashed(String serviceName, ComposeNode.Mapping written, ComposeNode.Mapping settled) {
        ComposeNode.Mapping hashed = settled.without("environment");
        Optional<ComposeNode.Mapping> environment = written.mapping("environment");
        if (environment.isPresent() && !environment.get().entries().isEmpty()) {
            LinkedHashMap<String, ComposeNode> values = new LinkedHashMap<>();
            environment.get().entries().forEach((key, value) -> values.put(key,
                    value instanceof ComposeNode.Scalar scalar && scalar.isNull()
                            ? lookup.apply(key).<ComposeNode>map(v -> Nodes.string(v, scalar.position())).orElse(scalar)
                            : value));
            hashed = hashed.with("environment", ComposeNode.Mapping.of(values, environment.get().position()));
        }
        if (written.get("env_file").orElse(null) instanceof ComposeNode.Sequence files) {
            List<ComposeNode> entries = new ArrayList<>();
            for (ComposeNode file : files.items()) {
                ComposeNode.Mapping spec = (ComposeNode.Mapping) file;
                boolean required = spec.text("required").map(Boolean::parseBoolean).orElse(true);
                entries.add(required ? spec.get("path").orElseThrow() : spec);
            }
            hashed = hashed.with("env_file", ComposeNode.Sequence.of(entries, files.position()));
        }
        return hashed;
    }

    private static ComposeService record(String serviceName, ComposeNode.Mapping service, ComposeNode.Mapping hashed) {
        LinkedHashMap<String, ComposeService.DependencyCondition> dependsOn = new LinkedHashMap<>();
        service.mapping("depends_on").ifPresent(deps -> deps.entries().forEach((dependency, spec) ->
                dependsOn.put(dependency, ComposeService.DependencyCondition.valueOf(((ComposeNode.Mapping) spec)
                        .text("condition").orElse("service_started").toUpperCase(Locale.ROOT)))));
        return new ComposeService(serviceName, service.text("image"), service.get("build").isPresent(),
                service.get("profiles").map(ProjectNormalizer::strings).orElse(List.of()), dependsOn, service, hashed);
    }

    static List<String> strings(ComposeNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof ComposeNode.Sequence sequence) {
            sequence.items().forEach(item -> out.add(((ComposeNode.Scalar) item).text()));
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }
}
