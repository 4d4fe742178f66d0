package dev.berth.plan;

import dev.berth.image.HealthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The typed fields of a step as its cache key lists them ({@link StepKey.Field}): every field that changes what
 * the step builds (its config, its layer or its history), named for {@code --explain-cache}; not its position nor
 * its progress text. A list becomes one field per element and an absent optional no field, so, the names fixed,
 * two different steps never give the same fields.
 */
final class StepInputs {

    private final List<StepKey.Field> fields = new ArrayList<>();

    private StepInputs() {
    }

    /** @param cmdSet whether a CMD came earlier in the stage (an ENTRYPOINT then keeps it) */
    static List<StepKey.Field> of(Step step, boolean cmdSet) {
        StepInputs inputs = new StepInputs();
        switch (step) {
            case Step.ConfigStep config -> inputs.change(config.change());
            case Step.CopyStep copy -> inputs.copy(copy);
            case Step.RunStep run -> inputs.run(run);
        }
        inputs.add("cmd-set", cmdSet);
        return List.copyOf(inputs.fields);
    }

    private void change(ConfigChange change) {
        add("step", change.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        switch (change) {
            case ConfigChange.Env env -> pairs(env.pairs());
            case ConfigChange.Label label -> pairs(label.pairs());
            case ConfigChange.Cmd cmd -> command(cmd.command());
            case ConfigChange.Entrypoint entrypoint -> command(entrypoint.command());
            case ConfigChange.Shell shell -> shell.shell().forEach(word -> add("argv", word));
            case ConfigChange.User user -> add("user", user.user());
            case ConfigChange.Workdir workdir -> add("path", workdir.path());
            case ConfigChange.Expose expose -> expose.ports().forEach(port -> add("port", port));
            case ConfigChange.Volume volume -> volume.paths().forEach(path -> add("path", path));
            case ConfigChange.StopSignal signal -> add("signal", signal.signal());
            case ConfigChange.Healthcheck healthcheck -> health(healthcheck.health());
            case ConfigChange.Onbuild onbuild -> add("trigger", onbuild.trigger());
            case ConfigChange.Arg arg -> arg.declarations().forEach(declaration -> {
                add("name", declaration.name());
                add("default", declaration.defaultValue());
            });
            case ConfigChange.Maintainer maintainer -> add("name", maintainer.name());
        }
    }

    private void copy(Step.CopyStep copy) {
        add("step", copy.add() ? "add" : "copy");
        add("from", copySource(copy.source()));
        copy.sources().forEach(source -> add("path", source));
        add("destination", copy.destination());
        copy.chown().ifPresent(owner -> {
            add("chown-user", owner.user());
            add("chown-group", owner.group());
        });
        add("chmod", copy.chmod().map(OctalMode::written));
        copy.exclude().patterns().forEach(pattern -> add("exclude", pattern));
        add("parents", copy.parents());
        add("link", copy.link());
        add("checksum", copy.checksum());
        copy.inlineFiles().forEach(inline -> {
            add("heredoc", inline.name());
            add("content", inline.content());
        });
    }

    private void run(Step.RunStep run) {
        add("step", "run");
        command(run.command());
        add("network", run.network().name().toLowerCase(Locale.ROOT));
        run.proxyArgs().forEach(name -> add("proxy-arg", name));
        run.mounts().forEach(this::mount);
    }

    private void mount(RunMount mount) {
        add("mount", mount.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        switch (mount) {
            case RunMount.Bind bind -> {
                add("target", bind.target());
                add("source", bind.source());
                add("from", copySource(bind.from()));
                add("rw", bind.readWrite());
            }
            case RunMount.Cache cache -> {
                add("target", cache.target());
                add("id", cache.id());
                add("sharing", cache.sharing().name().toLowerCase(Locale.ROOT));
                add("from", cache.from().map(StepInputs::copySource));
                add("source", cache.source());
                add("readonly", cache.readOnly());
                owned(cache.mode(), cache.uid(), cache.gid());
            }
            case RunMount.Tmpfs tmpfs -> {
                add("target", tmpfs.target());
                if (tmpfs.size().isPresent()) {
                    add("size", Long.toString(tmpfs.size().getAsLong()));
                }
            }
            case RunMount.Secret secret -> {
                add("id", secret.id());
                add("target", secret.target());
                add("env", secret.env());
                add("required", secret.required());
                owned(secret.mode(), secret.uid(), secret.gid());
            }
            case RunMount.Script script -> {
                add("target", script.path());
                add("content", script.content());
            }
            case RunMount.Ssh ssh -> {
                add("id", ssh.id());
                add("target", ssh.target());
                add("required", ssh.required());
                owned(ssh.mode(), ssh.uid(), ssh.gid());
            }
        }
    }

    private void command(Command command) {
        switch (command) {
            case Command.Shell shell -> add("shell", shell.command());
            case Command.Exec exec -> {
                // The form is a field of its own: an empty exec form still differs from any shell form.
                add("exec", Integer.toString(exec.argv().size()));
                exec.argv().forEach(word -> add("argv", word));
            }
        }
    }

    private void pairs(List<ConfigChange.Pair> pairs) {
        pairs.forEach(pair -> {
            add("key", pair.key());
            add("value", pair.value());
        });
    }

    private void health(HealthConfig health) {
        health.test().forEach(word -> add("test", word));
        add("interval", Long.toString(health.interval()));
        add("timeout", Long.toString(health.timeout()));
        add("start-period", Long.toString(health.startPeriod()));
        add("start-interval", Long.toString(health.startInterval()));
        add("retries", Integer.toString(health.retries()));
    }

    private void owned(int mode, long uid, long gid) {
        add("mode", "0" + Integer.toOctalString(mode));
        add("uid", Long.toString(uid));
        add("gid", Long.toString(gid));
    }

    private static String copySource(CopySource source) {
        return switch (source) {
            case CopySource.Context _ -> "context";
            case CopySource.StageFiles(int index) -> "stage " + index;
            case CopySource.ImageFiles(String reference) -> "image " + reference;
        };
    }

    private void add(String name, String value) {
        fields.add(new StepKey.Field(name, value));
    }

    private void add(String name, boolean value) {
        add(name, Boolean.toString(value));
    }

    private void add(String name, Optional<String> value) {
        value.ifPresent(present -> add(name, present));
    }
}
