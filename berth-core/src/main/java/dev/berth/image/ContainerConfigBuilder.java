package dev.berth.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles a {@link ContainerConfig} field by field; every field starts unset. Not thread-safe; the
 * config it builds is immutable.
 */
public final class ContainerConfigBuilder {

    private String hostname = "";
    private String domainname = "";
    private String user = "";
    private boolean attachStdin;
    private boolean attachStdout;
    private boolean attachStderr;
    private Set<String> exposedPorts = Set.of();
    private boolean tty;
    private boolean openStdin;
    private boolean stdinOnce;
    private List<String> env = List.of();
    private List<String> cmd = List.of();
    private Optional<HealthConfig> healthcheck = Optional.empty();
    private boolean argsEscaped;
    private String image = "";
    private Set<String> volumes = Set.of();
    private String workingDir = "";
    private List<String> entrypoint = List.of();
    private List<String> onBuild = List.of();
    private Map<String, String> labels = Map.of();
    private String stopSignal = "";
    private List<String> shell = List.of();
    private Map<String, RawJson> extra = Map.of();

    ContainerConfigBuilder() {
    }

    ContainerConfigBuilder(ContainerConfig from) {
        hostname = from.hostname();
        domainname = from.domainname();
        user = from.user();
        attachStdin = from.attachStdin();
        attachStdout = from.attachStdout();
        attachStderr = from.attachStderr();
        exposedPorts = from.exposedPorts();
        tty = from.tty();
        openStdin = from.openStdin();
        stdinOnce = from.stdinOnce();
        env = from.env();
        cmd = from.cmd();
        healthcheck = from.healthcheck();
        argsEscaped = from.argsEscaped();
        image = from.image();
        volumes = from.volumes();
        workingDir = from.workingDir();
        entrypoint = from.entrypoint();
        onBuild = from.onBuild();
        labels = from.labels();
        stopSignal = from.stopSignal();
        shell = from.shell();
        extra = from.extra();
    }

    public ContainerConfigBuilder hostname(String value) { hostname = value; return this; }

    public ContainerConfigBuilder domainname(String value) { domainname = value; return this; }

    public ContainerConfigBuilder user(String value) { user = value; return this; }

    public ContainerConfigBuilder attachStdin(boolean value) { attachStdin = value; return this; }

    public ContainerConfigBuilder attachStdout(boolean value) { attachStdout = value; return this; }

    public ContainerConfigBuilder attachStderr(boolean value) { attachStderr = value; return this; }

    public ContainerConfigBuilder exposedPorts(Set<String> value) { exposedPorts = value; return this; }

    public ContainerConfigBuilder tty(boolean value) { tty = value; return this; }

    public ContainerConfigBuilder openStdin(boolean value) { openStdin = value; return this; }

    public ContainerConfigBuilder stdinOnce(boolean value) { stdinOnce = value; return this; }

    public ContainerConfigBuilder env(List<String> value) { env = value; return this; }

    public ContainerConfigBuilder cmd(List<String> value) { cmd = value; return this; }

    public ContainerConfigBuilder healthcheck(Optional<HealthConfig> value) { healthcheck = value; return this; }

    public ContainerConfigBuilder argsEscaped(boolean value) { argsEscaped = value; return this; }

    public ContainerConfigBuilder image(String value) { image = value; return this; }

    public ContainerConfigBuilder volumes(Set<String> value) { volumes = value; return this; }

    public ContainerConfigBuilder workingDir(String value) { workingDir = value; return this; }

    public ContainerConfigBuilder entrypoint(List<String> value) { entrypoint = value; return this; }

    public ContainerConfigBuilder onBuild(List<String> value) { onBuild = value; return this; }

    public ContainerConfigBuilder labels(Map<String, String> value) { labels = value; return this; }

    public ContainerConfigBuilder stopSignal(String value) { stopSignal = value; return this; }

    public ContainerConfigBuilder shell(List<String> value) { shell = value; return this; }

    public ContainerConfigBuilder extra(Map<String, RawJson> value) { extra = value; return this; }

    public ContainerConfig build() {
        return new ContainerConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr,
                exposedPorts, tty, openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes,
                workingDir, entrypoint, onBuild, labels, stopSignal, shell, extra);
    }
}
