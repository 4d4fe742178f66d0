package dev.berth.compose.print;

import dev.berth.compose.print.Shape.ListOf;
import dev.berth.compose.print.Shape.MapOf;
import dev.berth.compose.print.Shape.Struct;

/**
 * The shapes of compose-go 2.1's types (the loader Docker Compose 2.26.1 is built with): field order as the Go
 * structs declare it, which is the order {@code docker compose config} prints.
 */
final class ConfigShapes {

    private static final Shape MAP = new MapOf(Shape.LEAF);
    private static final Shape LIST = new ListOf(Shape.LEAF);

    private static final Struct FILE_REFERENCE = Struct.of("source", "target", "uid", "gid", "mode");
    private static final Struct ULIMIT = Struct.of("soft", "hard");
    private static final Struct BUILD = Struct.of("context", "dockerfile", "dockerfile_inline", "entitlements",
            "args", MAP, "ssh", LIST, "labels", MAP, "cache_from", LIST, "cache_to", LIST, "no_cache",
            "additional_contexts", MAP, "pull", "extra_hosts", LIST, "isolation", "network", "target",
            "secrets", new ListOf(FILE_REFERENCE), "shm_size", "tags", LIST, "ulimits", new MapOf(ULIMIT),
            "platforms", LIST, "privileged");
    private static final Struct RESOURCE = Struct.of("cpus", "memory", "pids", "devices", "generic_resources");
    private static final Struct UPDATE = Struct.of("parallelism", "delay", "failure_action", "monitor",
            "max_failure_ratio", "order");
    private static final Struct DEPLOY = Struct.of("mode", "replicas", "labels", MAP, "update_config", UPDATE,
            "rollback_config", UPDATE, "resources", Struct.of("limits", RESOURCE, "reservations", RESOURCE),
            "restart_policy", Struct.of("condition", "delay", "max_attempts", "window"),
            "placement", Struct.of("constraints", LIST, "preferences", LIST, "max_replicas_per_node"),
            "endpoint_mode").withJsonEmpty("resources", "{}").withJsonEmpty("placement", "{}");
    private static final Struct HEALTHCHECK = Struct.of("test", LIST, "timeout", "interval", "retries",
            "start_period", "start_interval", "disable");
    private static final Struct SERVICE_NETWORK = Struct.of("priority", "aliases", LIST, "ipv4_address",
            "ipv6_address", "link_local_ips", LIST, "mac_address", "driver_opts", MAP);
    private static final Struct PORT = Struct.of("name", "mode", "host_ip", "target", "published", "protocol",
            "app_protocol");
    private static final Struct MOUNT = Struct.of("type", "source", "target", "read_only", "consistency",
            "bind", Struct.of("selinux", "propagation", "create_host_path", "recursive"),
            "volume", Struct.of("nocopy", "subpath"), "tmpfs", Struct.of("size", "mode"), "image",
            Struct.of("subpath"));
    private static final Struct DEPENDENCY = Struct.of("condition", "restart", "required").keepingFalse("required");

    static final Struct SERVICE = Struct.of("profiles", LIST, "annotations", MAP, "attach", "build", BUILD,
            "develop", "blkio_config", "cap_add", LIST, "cap_drop", LIST, "cgroup_parent", "cgroup", "cpu_count",
            "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset",
            "cpu_shares", "command", LIST, "configs", new ListOf(FILE_REFERENCE), "container_name",
            "credential_spec", Struct.of("config", "file", "registry"), "depends_on", new MapOf(DEPENDENCY),
            "deploy", DEPLOY, "device_cgroup_rules", LIST, "devices",
            new ListOf(Struct.of("source", "target", "permissions")), "dns", LIST, "dns_opt", LIST, "dns_search",
            LIST, "dockerfile", "domainname", "entrypoint", LIST, "environment", MAP, "env_file", LIST, "expose",
            LIST, "extends", Struct.of("file", "service"), "external_links", LIST, "extra_hosts", LIST,
            "group_add", LIST, "gpus", LIST, "hostname", "healthcheck", HEALTHCHECK, "image", "init", "ipc",
            "isolation", "labels", MAP, "label_file", LIST, "links", LIST, "logging",
            Struct.of("driver", "options", MAP), "log_driver", "log_opt", MAP, "mem_limit", "mem_reservation",
            "memswap_limit", "mem_swappiness", "mac_address", "net", "network_mode", "networks",
            new MapOf(SERVICE_NETWORK), "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform",
            "ports", new ListOf(PORT), "privileged", "pull_policy", "read_only", "restart", "runtime", "scale",
            "secrets", new ListOf(FILE_REFERENCE), "security_opt", LIST, "shm_size", "stdin_open",
            "stop_grace_period", "stop_signal", "storage_opt", MAP, "sysctls", MAP, "tmpfs", LIST, "tty",
            "ulimits", new MapOf(ULIMIT), "user", "userns_mode", "uts", "volume_driver", "volumes",
            new ListOf(MOUNT), "volumes_from", LIST, "working_dir", "post_start", LIST, "pre_stop", LIST)
            .keepingFalse("attach", "init", "command", "entrypoint").withJsonEmpty("command", "null").withJsonEmpty("entrypoint", "null");

    static final Struct NETWORK = Struct.of("name", "driver", "driver_opts", MAP, "ipam",
            Struct.of("driver", "config", new ListOf(Struct.of("subnet", "gateway", "ip_range", "aux_addresses",
                    MAP))), "external", "internal", "attachable", "labels", MAP, "enable_ipv4", "enable_ipv6")
            .keepingFalse("enable_ipv4", "enable_ipv6").withJsonEmpty("ipam", "{}");
    static final Struct VOLUME = Struct.of("name", "driver", "driver_opts", MAP, "external", "labels", MAP);
    static final Struct FILE_OBJECT = Struct.of("name", "file", "environment", "content", "external", "labels",
            MAP, "driver", "driver_opts", MAP, "template_driver");

    static final Struct PROJECT = Struct.of("name", "services", new MapOf(SERVICE), "networks", new MapOf(NETWORK),
            "volumes", new MapOf(VOLUME), "secrets", new MapOf(FILE_OBJECT), "configs", new MapOf(FILE_OBJECT));

    private ConfigShapes() {
    }
}
