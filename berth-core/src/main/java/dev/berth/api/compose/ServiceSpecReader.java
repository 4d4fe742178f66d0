package dev.berth.api.compose;

import dev.berth.api.compose.ProjectSpec.NetworkSpec;
import dev.berth.api.compose.ProjectSpec.VolumeSpec;
import dev.berth.api.compose.ServiceSpec.BuildSpec;
import dev.berth.api.compose.ServiceSpec.Condition;
import dev.berth.api.compose.ServiceSpec.Dependency;
import dev.berth.api.compose.ServiceSpec.Healthcheck;
import dev.berth.api.compose.ServiceSpec.NetworkAttachment;
import dev.berth.api.compose.ServiceSpec.PullPolicyKind;
import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.ComposeProject;
import dev.berth.compose.model.ComposeService;
import dev.berth.compose.print.ConfigHash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a loaded project into {@link ProjectSpec}: every attribute {@code up} runs, typed. An attribute {@code up}
 * does not run is an error naming it and where it was written (rather than a container that silently differs from
 * Docker's); the Swarm-only {@code deploy} keys warn, as Docker Compose does.
 */
final class ServiceSpecReader {

    /** What {@code up} runs; the rest of the Compose Specification's service attributes are refused. */
    static final Set<String> SUPPORTED = Set.of("build", "image", "pull_policy", "command", "entrypoint",
            "environment", "env_file", "ports", "expose", "volumes", "depends_on", "healthcheck", "restart",
            "networks", "network_mode", "user", "working_dir", "labels", "profiles", "scale", "deploy",
            "container_name", "hostname", "init", "stop_signal", "stop_grace_period", "tmpfs", "read_only", "cap_add",
            "cap_drop", "extra_hosts", "secrets", "configs", "cpus", "mem_limit", "pids_limit");
    private static final Set<String> DEPLOY_RUN = Set.of("replicas", "resources");

    private final ComposeProject project;
    private final List<String> warnings = new ArrayList<>();

    private ServiceSpecReader(ComposeProject project) {
        this.project = project;
    }

    /** @throws dev.berth.error.InvalidInputException naming the first attribute {@code up} cannot run */
    static ProjectSpec read(ComposeProject project, List<Path> configFiles) {
        ServiceSpecReader reader = new ServiceSpecReader(project);
        reader.warnings.addAll(project.warnings());
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        for (String name : project.serviceNames()) {
            services.put(name, reader.service(project.services().get(name)));
        }
        return new ProjectSpec(project.name(), project.workingDirectory(), configFiles, services, reader.networks(),
                reader.volumes(), reader.warnings);
    }

    private ServiceSpec service(ComposeService service) {
        ComposeNode.Mapping a = service.attributes();
        String where = "services." + service.name();
        for (var entry : a.entries().entrySet()) {
            if (!SUPPORTED.contains(entry.getKey()) && !entry.getKey().startsWith("x-")) {
                throw ModelValues.error(entry.getValue().position(), where + "." + entry.getKey()
                        + ": not supported by berth compose up (see docs/compose.md)");
            }
        }
        OptionalLong memory = a.text("mem_limit").map(t -> OptionalLong.of(ModelValues.bytes(t, a.position(), "mem_limit")))
                .orElse(OptionalLong.empty());
        OptionalDouble cpus = a.text("cpus").map(t -> OptionalDouble.of(Double.parseDouble(t))).orElse(OptionalDouble.empty());
        OptionalLong pids = a.text("pids_limit").map(t -> OptionalLong.of(Long.parseLong(t))).orElse(OptionalLong.empty());
        int scale = a.text("scale").map(Integer::parseInt).orElse(1);
        if (a.mapping("deploy").isPresent()) {
            ComposeNode.Mapping deploy = a.mapping("deploy").orElseThrow();
            deploy.entries().keySet().stream().filter(key -> !DEPLOY_RUN.contains(key)).forEach(key -> warnings.add(
                    where + ".deploy." + key + ": ignored, it is used by Swarm only"));
            if (a.text("scale").isEmpty()) {
                scale = deploy.text("replicas").map(Integer::parseInt).orElse(1);
            }
            Optional<ComposeNode.Mapping> limits = deploy.mapping("resources").flatMap(r -> r.mapping("limits"));
            if (limits.isPresent()) {
                memory = limits.get().text("memory").map(t -> OptionalLong.of(ModelValues.bytes(t, deploy.position(),
                        "deploy.resources.limits.memory"))).orElse(memory);
                cpus = limits.get().text("cpus").map(t -> OptionalDouble.of(Double.parseDouble(t))).orElse(cpus);
                pids = limits.get().text("pids").map(t -> OptionalLong.of(Long.parseLong(t))).orElse(pids);
            }
        }
        Optional<String> networkMode = networkMode(a, where);
        Optional<BuildSpec> build = a.mapping("build").map(this::build);
        String image = service.image().orElse(project.name() + "-" + service.name());
        List<String> extraHosts = ModelValues.strings(a.get("extra_hosts")).stream()
                .map(host -> host.replaceFirst("=", ":")).toList();
        return new ServiceSpec(service.name(), image, build, pull(a, build.isPresent()),
                a.get("entrypoint").map(node -> ModelValues.strings(Optional.of(node))),
                a.get("command").map(node -> ModelValues.strings(Optional.of(node))), environment(a), ports(a),
                ServiceMounts.read(a, project, where), dependencies(service), a.mapping("healthcheck").map(this::health),
                a.text("restart"), networkMode.isPresent() ? List.of() : networks(a), networkMode, a.text("user"),
                a.text("working_dir"), ModelValues.stringMap(a.mapping("labels"), false), scale, a.text("container_name"),
                a.text("hostname"), ModelValues.flag(a, "init"), a.text("stop_signal"),
                ModelValues.duration(a, "stop_grace_period"), ModelValues.flag(a, "read_only"),
                ModelValues.strings(a.get("cap_add")), ModelValues.strings(a.get("cap_drop")), extraHosts, memory, cpus,
                pids, ConfigHash.of(service.hashed()));
    }

    /**
     * {@code network_mode}: {@code host}, {@code none}, {@code bridge}, {@code service:X} or {@code container:X}; with
     * the last two, what Docker's daemon refuses beside them is refused here, naming the attribute, before anything
     * is made.
     */
    private static Optional<String> networkMode(ComposeNode.Mapping a, String where) {
        Optional<String> mode = a.text("network_mode");
        if (mode.isEmpty()) {
            return mode;
        }
        String value = mode.get();
        boolean shares = value.startsWith(SharedNamespaces.SERVICE_PREFIX)
                || value.startsWith(SharedNamespaces.CONTAINER_PREFIX);
        if (!shares && !Set.of("host", "none", "bridge").contains(value)) {
            throw ModelValues.error(a.get("network_mode").orElseThrow().position(), where + ".network_mode: " + value
                    + " is not supported by berth compose up (host, none, bridge, service:NAME or container:NAME)");
        }
        if (shares) {
            // dockerd's validateNetContainerMode, in its order.
            for (String[] conflict : new String[][] {{"hostname", "conflicting options: hostname and the network mode"},
                    {"extra_hosts", "conflicting options: custom host-to-IP mapping and the network mode"},
                    {"ports", "conflicting options: port publishing and the container type network mode"},
                    {"expose", "conflicting options: port exposing and the container type network mode"}}) {
                Optional<ComposeNode> given = a.get(conflict[0]);
                boolean empty = given.map(node -> node instanceof ComposeNode.Sequence list && list.items().isEmpty())
                        .orElse(true);
                if (!empty) {
                    throw ModelValues.error(given.get().position(), where + "." + conflict[0] + ": " + conflict[1]
                            + " (network_mode: " + value + ")");
                }
            }
        }
        return mode;
    }

    private static PullPolicyKind pull(ComposeNode.Mapping a, boolean builds) {
        return switch (a.text("pull_policy").orElse(builds ? "build-if-missing" : "missing")) {
            case "always" -> PullPolicyKind.ALWAYS;
            case "never" -> PullPolicyKind.NEVER;
            case "build" -> PullPolicyKind.BUILD;
            // A service that builds is built when its image is missing, not pulled.
            case "build-if-missing" -> PullPolicyKind.MISSING;
            default -> PullPolicyKind.MISSING;
        };
    }

    private BuildSpec build(ComposeNode.Mapping build) {
        Path context = project.workingDirectory().resolve(build.text("context").orElse("."));
        return new BuildSpec(context, build.text("dockerfile").map(context::resolve),
                ModelValues.stringMap(build.mapping("args"), false), build.text("target"),
                ModelValues.stringMap(build.mapping("labels"), false));
    }

    private static List<String> environment(ComposeNode.Mapping a) {
        List<String> env = new ArrayList<>();
        ModelValues.stringMap(a.mapping("environment"), false).forEach((key, value) -> env.add(key + "=" + value));
        return env;
    }

    private static List<String> ports(ComposeNode.Mapping a) {
        List<String> out = new ArrayList<>();
        for (ComposeNode item : a.get("ports").map(node -> ((ComposeNode.Sequence) node).items()).orElse(List.of())) {
            ComposeNode.Mapping port = (ComposeNode.Mapping) item;
            StringBuilder text = new StringBuilder();
            port.text("host_ip").ifPresent(ip -> text.append(ip).append(':'));
            port.text("published").ifPresent(published -> text.append(published).append(':'));
            if (port.text("host_ip").isPresent() && port.text("published").isEmpty()) {
                text.append(':');
            }
            text.append(port.text("target").orElseThrow()).append('/').append(port.text("protocol").orElse("tcp"));
            out.add(text.toString());
        }
        return out;
    }

    private static Map<String, Dependency> dependencies(ComposeService service) {
        Map<String, Dependency> out = new LinkedHashMap<>();
        service.attributes().mapping("depends_on").ifPresent(depends -> depends.entries().forEach((name, node) -> {
            ComposeNode.Mapping entry = (ComposeNode.Mapping) node;
            Condition condition = switch (entry.text("condition").orElse("service_started")) {
                case "service_healthy" -> Condition.SERVICE_HEALTHY;
                case "service_completed_successfully" -> Condition.SERVICE_COMPLETED_SUCCESSFULLY;
                default -> Condition.SERVICE_STARTED;
            };
            out.put(name, new Dependency(condition, entry.text("required").map("true"::equals).orElse(true),
                    ModelValues.flag(entry, "restart")));
        }));
        return out;
    }

    private Healthcheck health(ComposeNode.Mapping h) {
        List<String> test = ModelValues.strings(h.get("test"));
        boolean disabled = ModelValues.flag(h, "disable") || (!test.isEmpty() && test.getFirst().equals("NONE"));
        return new Healthcheck(disabled ? List.of() : test, ModelValues.duration(h, "interval"),
                ModelValues.duration(h, "timeout"), h.text("retries").map(Integer::parseInt),
                ModelValues.duration(h, "start_period"), ModelValues.duration(h, "start_interval"), disabled);
    }

    private List<NetworkAttachment> networks(ComposeNode.Mapping a) {
        Map<String, NetworkSpec> declared = networks();
        record Ranked(int priority, NetworkAttachment attachment) {
        }
        List<Ranked> out = new ArrayList<>();
        a.mapping("networks").ifPresent(networks -> networks.entries().forEach((key, node) -> {
            ComposeNode.Mapping options = node instanceof ComposeNode.Mapping mapping ? mapping
                    : ComposeNode.Mapping.empty(node.position());
            String name = declared.containsKey(key) ? declared.get(key).name() : project.name() + "_" + key;
            out.add(new Ranked(options.text("priority").map(Integer::parseInt).orElse(0), new NetworkAttachment(key,
                    name, ModelValues.strings(options.get("aliases")), options.text("ipv4_address"))));
        }));
        // Compose connects by priority, highest first, then by key: the first is the one a container joins at start.
        return out.stream().sorted(java.util.Comparator.comparingInt(Ranked::priority).reversed()
                .thenComparing(r -> r.attachment().key())).map(Ranked::attachment).toList();
    }

    private Map<String, NetworkSpec> networks() {
        Map<String, NetworkSpec> out = new LinkedHashMap<>();
        project.model().mapping("networks").ifPresent(networks -> networks.entries().forEach((key, node) -> {
            ComposeNode.Mapping n = (ComposeNode.Mapping) node;
            Optional<ComposeNode.Mapping> ipam = n.mapping("ipam").flatMap(i -> i.get("config"))
                    .filter(c -> c instanceof ComposeNode.Sequence s && !s.items().isEmpty())
                    .map(c -> (ComposeNode.Mapping) ((ComposeNode.Sequence) c).items().getFirst());
            out.put(key, new NetworkSpec(key, n.text("name").orElse(project.name() + "_" + key),
                    ModelValues.flag(n, "external"), ModelValues.flag(n, "internal"),
                    ModelValues.stringMap(n.mapping("labels"), false), ipam.flatMap(i -> i.text("subnet")),
                    ipam.flatMap(i -> i.text("gateway"))));
        }));
        return out;
    }

    private Map<String, VolumeSpec> volumes() {
        Map<String, VolumeSpec> out = new LinkedHashMap<>();
        project.model().mapping("volumes").ifPresent(volumes -> volumes.entries().forEach((key, node) -> {
            ComposeNode.Mapping v = node instanceof ComposeNode.Mapping m ? m : ComposeNode.Mapping.empty(node.position());
            out.put(key, new VolumeSpec(key, v.text("name").orElse(project.name() + "_" + key),
                    ModelValues.flag(v, "external"), ModelValues.stringMap(v.mapping("labels"), false)));
        }));
        return out;
    }
}
