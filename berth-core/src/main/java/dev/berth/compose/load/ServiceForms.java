package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.NodePosition;
import dev.berth.compose.model.ScalarType;
import dev.berth.compose.model.ServiceAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One service's attributes in their long forms, as compose-go canonicalises them before merging files:
 * {@code build: DIR}, list or map {@code environment}/{@code labels}/{@code args}, {@code depends_on} lists,
 * {@code healthcheck.test} strings, {@code command}/{@code entrypoint} strings, port and volume short syntax,
 * secret and config names, network lists, byte sizes, durations; strings where Compose's model has strings.
 */
final class ServiceForms {

    private static final Set<String> STRING_ATTRIBUTES = Set.of("image", "container_name", "hostname", "user",
            "working_dir", "restart", "network_mode", "pull_policy", "platform", "stop_signal", "domainname", "ipc",
            "pid", "runtime", "cgroup", "cgroup_parent", "isolation", "mac_address", "userns_mode", "uts", "cpuset",
            "volume_driver", "log_driver");
    private static final Set<String> STRING_LISTS = Set.of("dns", "dns_search", "tmpfs", "profiles", "cap_add",
            "cap_drop", "dns_opt", "security_opt", "group_add", "links", "external_links", "volumes_from",
            "device_cgroup_rules", "expose", "label_file");
    private static final Set<String> BOOLEANS = Set.of("init", "read_only", "privileged", "tty", "stdin_open",
            "oom_kill_disable", "attach");
    private static final Set<String> BYTE_SIZES = Set.of("mem_limit", "mem_reservation", "memswap_limit",
            "shm_size");
    private static final Set<String> DURATIONS = Set.of("interval", "timeout", "start_period", "start_interval");

    private ServiceForms() {
    }

    static ComposeNode.Mapping canonical(String name, ComposeNode node, Path baseDirectory, String home) {
        String path = "services." + name;
        if (node instanceof ComposeNode.Scalar scalar && scalar.isNull()) {
            return ComposeNode.Mapping.empty(scalar.position());
        }
        ComposeNode.Mapping service = Nodes.requireMapping(node, path);
        LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, ComposeNode> entry : service.entries().entrySet()) {
            String key = entry.getKey();
            ComposeNode value = entry.getValue();
            String at = path + "." + key;
            if (!key.startsWith("x-") && !ServiceAttributes.NAMES.contains(key)) {
                throw ComposeErrors.attribute(value.position(), path, "additional property " + key
                        + " is not allowed");
            }
            if (value instanceof ComposeNode.Scalar scalar && scalar.isNull() && value.tag() != dev.berth.compose.model.MergeTag.NONE) {
                out.put(key, value);
                continue;
            }
            ComposeNode canonical = switch (key) {
                case "build" -> build(value, at, baseDirectory);
                case "environment" -> Nodes.keyValues(value, at, false);
                case "labels", "annotations", "sysctls" -> Nodes.keyValues(value, at, true);
                case "depends_on" -> dependsOn(value, at);
                case "healthcheck" -> healthcheck(value, at);
                case "command", "entrypoint" -> command(value, at);
                case "ports" -> expandEach(value, at, item -> PortForms.expand(item, at));
                case "volumes" -> expandEach(value, at,
                        item -> List.of(VolumeForms.expand(item, at, baseDirectory, home)));
                case "secrets", "configs" -> expandEach(value, at, item -> List.of(fileReference(item, key, at)));
                case "networks" -> networks(value, at);
                case "env_file" -> ServiceDetailForms.envFiles(value, at, baseDirectory);
                case "extra_hosts" -> ServiceDetailForms.extraHosts(value, at);
                case "extends" -> value instanceof ComposeNode.Scalar scalar
                        ? Nodes.mapping(Map.of("service", Nodes.asString(scalar, at)), scalar.position()) : value;
                case "stop_grace_period" -> duration(value, at);
                case "deploy" -> ServiceDetailForms.deploy(value, at);
                case "devices" -> expandEach(value, at, item -> List.of(ServiceDetailForms.device(item, at)));
                case "cpus" -> Nodes.asFloat(value, at);
                case "scale", "cpu_count", "pids_limit", "oom_score_adj", "cpu_shares" -> integer(value, at);
                default -> simple(key, value, at);
            };
            out.put(key, canonical.tag() == value.tag() ? canonical : canonical.withTag(value.tag()));
        }
        return ComposeNode.Mapping.of(out, service.position());
    }

    static ComposeNode simple(String key, ComposeNode value, String at) {
        if (STRING_ATTRIBUTES.contains(key)) {
            return Nodes.asString(value, at);
        }
        if (STRING_LISTS.contains(key)) {
            return Nodes.stringList(value, at);
        }
        if (BOOLEANS.contains(key) && value instanceof ComposeNode.Scalar scalar && scalar.type() != ScalarType.BOOL) {
            throw ComposeErrors.attribute(value.position(), at, "must be a boolean");
        }
        if (BYTE_SIZES.contains(key)) {
            long bytes = GoValues.bytes(Nodes.text(value, at));
            if (bytes < 0) {
                throw ComposeErrors.attribute(value.position(), at, "invalid size: " + Nodes.text(value, at));
            }
            return Nodes.string(Long.toString(bytes), value.position());
        }
        return value;
    }

    private static ComposeNode build(ComposeNode value, String at, Path baseDirectory) {
        ComposeNode.Mapping build = value instanceof ComposeNode.Scalar scalar
                ? Nodes.mapping(Map.of("context", Nodes.asString(scalar, at)), scalar.position())
                : Nodes.requireMapping(value, at);
        String context = build.text("context").orElse(".");
        if (!context.contains("://") && !context.startsWith("git@")) {
            build = build.with("context", Nodes.string(baseDirectory.resolve(context).normalize().toString(),
                    build.position()));
        }
        if (build.get("dockerfile").isEmpty() && build.get("dockerfile_inline").isEmpty()) {
            build = build.with("dockerfile", Nodes.string("Dockerfile", build.position()));
        }
        if (build.get("secrets").isPresent()) {
            // Build secrets name their source only: no /run/secrets target is implied.
            build = build.with("secrets", expandEach(build.get("secrets").orElseThrow(), at + ".secrets",
                    item -> List.of(fileReference(item, "configs", at + ".secrets"))));
        }
        if (build.get("args").isPresent()) {
            build = build.with("args", Nodes.keyValues(build.get("args").orElseThrow(), at + ".args", false));
        }
        if (build.get("labels").isPresent()) {
            build = build.with("labels", Nodes.keyValues(build.get("labels").orElseThrow(), at + ".labels", true));
        }
        for (String list : List.of("cache_from", "cache_to", "tags", "platforms", "extra_hosts")) {
            if (build.get(list).isPresent()) {
                build = build.with(list, list.equals("extra_hosts")
                        ? ServiceDetailForms.extraHosts(build.get(list).orElseThrow(), at + "." + list)
                        : Nodes.stringList(build.get(list).orElseThrow(), at + "." + list));
            }
        }
        return build;
    }

    private static ComposeNode dependsOn(ComposeNode value, String at) {
        LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
        NodePosition position = value.position();
        switch (value) {
            case ComposeNode.Sequence sequence -> {
                for (ComposeNode item : sequence.items()) {
                    out.put(Nodes.text(item, at), dependency(ComposeNode.Mapping.empty(item.position())));
                }
            }
            case ComposeNode.Mapping mapping -> mapping.entries().forEach((service, condition) -> out.put(service,
                    dependency(condition instanceof ComposeNode.Scalar scalar && scalar.isNull()
                            ? ComposeNode.Mapping.empty(scalar.position()) : Nodes.requireMapping(condition, at + "." + service))));
            case ComposeNode.Scalar scalar -> throw ComposeErrors.attribute(scalar.position(), at,
                    "must be a list or a mapping");
        }
        return Nodes.mapping(out, position);
    }

    private static ComposeNode.Mapping dependency(ComposeNode.Mapping given) {
        ComposeNode.Mapping dependency = given;
        if (dependency.get("condition").isEmpty()) {
            dependency = dependency.with("condition", Nodes.string("service_started", given.position()));
        }
        if (dependency.get("required").isEmpty()) {
            dependency = dependency.with("required", Nodes.bool(true, given.position()));
        }
        return dependency;
    }

    private static ComposeNode healthcheck(ComposeNode value, String at) {
        ComposeNode.Mapping check = Nodes.requireMapping(value, at);
        ComposeNode.Mapping out = check;
        if (check.get("test").orElse(null) instanceof ComposeNode.Scalar test && !test.isNull()) {
            out = out.with("test", Nodes.sequence(List.of(Nodes.string("CMD-SHELL", test.position()),
                    Nodes.asString(test, at + ".test")), test.position()));
        }
        for (String key : DURATIONS) {
            if (check.get(key).isPresent()) {
                out = out.with(key, duration(check.get(key).orElseThrow(), at + "." + key));
            }
        }
        if (check.get("retries").isPresent()) {
            out = out.with("retries", integer(check.get("retries").orElseThrow(), at + ".retries"));
        }
        return out;
    }

    private static ComposeNode command(ComposeNode value, String at) {
        if (value instanceof ComposeNode.Scalar scalar && !scalar.isNull()) {
            try {
                return Nodes.sequence(ComposeShellWords.split(scalar.text()).stream()
                        .map(word -> (ComposeNode) Nodes.string(word, scalar.position())).toList(), scalar.position());
            } catch (IllegalArgumentException bad) {
                throw ComposeErrors.attribute(scalar.position(), at, bad.getMessage());
            }
        }
        return value instanceof ComposeNode.Sequence ? Nodes.stringList(value, at) : value;
    }

    private static ComposeNode expandEach(ComposeNode value, String at, java.util.function.Function<ComposeNode, List<ComposeNode>> expand) {
        if (!(value instanceof ComposeNode.Sequence sequence)) {
            throw ComposeErrors.attribute(value.position(), at, "must be a list");
        }
        List<ComposeNode> items = new ArrayList<>();
        for (ComposeNode item : sequence.items()) {
            items.addAll(expand.apply(item));
        }
        return Nodes.sequence(items, sequence.position());
    }

    private static ComposeNode fileReference(ComposeNode item, String kind, String at) {
        if (item instanceof ComposeNode.Scalar scalar) {
            LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
            out.put("source", Nodes.asString(scalar, at));
            if (kind.equals("secrets")) {
                out.put("target", Nodes.string("/run/secrets/" + scalar.text(), scalar.position()));
            }
            return Nodes.mapping(out, scalar.position());
        }
        ComposeNode.Mapping mapping = Nodes.requireMapping(item, at);
        if (kind.equals("secrets") && mapping.get("target").isEmpty() && mapping.text("source").isPresent()) {
            mapping = mapping.with("target", Nodes.string("/run/secrets/" + mapping.text("source").orElseThrow(),
                    mapping.position()));
        }
        if (mapping.get("mode").orElse(null) instanceof ComposeNode.Scalar mode && mode.type() == ScalarType.STRING) {
            mapping = mapping.with("mode", Nodes.integer(Long.parseLong(mode.text(), 8), mode.position()));
        }
        return mapping;
    }

    private static ComposeNode networks(ComposeNode value, String at) {
        if (value instanceof ComposeNode.Sequence sequence) {
            LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
            for (ComposeNode item : sequence.items()) {
                out.put(Nodes.text(item, at), ComposeNode.Scalar.nullAt(item.position()));
            }
            return Nodes.mapping(out, sequence.position());
        }
        return Nodes.requireMapping(value, at);
    }

    static ComposeNode duration(ComposeNode value, String at) {
        String text = Nodes.text(value, at);
        long nanos = GoValues.durationNanos(text);
        if (nanos < 0) {
            throw ComposeErrors.attribute(value.position(), at, "invalid duration: " + text);
        }
        return Nodes.string(GoValues.goDuration(nanos), value.position());
    }

    private static ComposeNode integer(ComposeNode value, String at) {
        if (value instanceof ComposeNode.Scalar scalar && scalar.type() == ScalarType.INT) {
            return scalar;
        }
        try {
            return Nodes.integer(Long.parseLong(Nodes.text(value, at)), value.position());
        } catch (NumberFormatException bad) {
            throw ComposeErrors.attribute(value.position(), at, "must be an integer");
        }
    }
}
