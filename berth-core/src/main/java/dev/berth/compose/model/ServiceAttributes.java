package dev.berth.compose.model;

import java.util.Set;

/**
 * The attributes a service may have, as the Compose Specification (compose-go 2.1) names them; any other, but for
 * {@code x-} extensions, is refused as Docker Compose's schema refuses it.
 */
public final class ServiceAttributes {

    public static final Set<String> NAMES = Set.of("profiles", "annotations", "attach", "build", "develop",
            "blkio_config", "cap_add", "cap_drop", "cgroup_parent", "cgroup", "cpu_count", "cpu_percent",
            "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares", "command",
            "configs", "container_name", "credential_spec", "depends_on", "deploy", "device_cgroup_rules", "devices",
            "dns", "dns_opt", "dns_search", "dockerfile", "domainname", "entrypoint", "environment", "env_file",
            "expose", "extends", "external_links", "extra_hosts", "group_add", "gpus", "hostname", "healthcheck",
            "image", "init", "ipc", "isolation", "labels", "label_file", "links", "logging", "log_driver", "log_opt",
            "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness", "mac_address", "net", "network_mode",
            "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "privileged",
            "pull_policy", "read_only", "restart", "runtime", "scale", "secrets", "security_opt", "shm_size",
            "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits",
            "user", "userns_mode", "uts", "volume_driver", "volumes", "volumes_from", "working_dir", "post_start",
            "pre_stop");

    private ServiceAttributes() {
    }
}
