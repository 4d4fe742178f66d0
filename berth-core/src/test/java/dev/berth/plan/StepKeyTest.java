package dev.berth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.context.ExcludePatterns;
import dev.berth.image.Digest;
import dev.berth.image.HealthConfig;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache key is built from a step's typed fields: one row per field of every step kind, config change, mount,
 * command and value type changes that field alone and the key must change; equal steps must give equal keys. A
 * field that no row changes fails {@link #everyFieldHasARow}, so a field added later is keyed or said not to be.
 */
class StepKeyTest {

    private static final Digest PARENT = Digest.sha256("parent".getBytes(StandardCharsets.UTF_8));
    private static final String PLATFORM = "linux/amd64";
    private static final StepPosition AT = new StepPosition(2, 2, 1, "X");
    /** Fields that say where a step was written and how progress shows it, not what it builds. */
    private static final Set<String> NOT_KEYED = Set.of("position", "text");

    private static final Map<String, String> ARGS = Map.of("A", "1");
    private static final HealthConfig HEALTH = new HealthConfig(List.of("CMD", "true"), 1, 2, 3, 4, 5);
    private static final FileOwner OWNER = new FileOwner("app", Optional.of("staff"));
    private static final OctalMode MODE = new OctalMode(0755, "755");
    private static final InlineFile INLINE = new InlineFile("EOF", "x\n");
    private static final ConfigChange.Pair PAIR = new ConfigChange.Pair("A", "1");
    private static final ConfigChange.Declaration DECLARATION = new ConfigChange.Declaration("A", Optional.of("1"));
    private static final Command.Shell SHELL = new Command.Shell("make");
    private static final Command.Exec EXEC = new Command.Exec(List.of("/bin/app", "-x"));
    private static final RunMount.Bind BIND = new RunMount.Bind(Optional.of("/src"), ".", new CopySource.Context(),
            false);
    private static final RunMount.Cache CACHE = new RunMount.Cache(Optional.of("/c"), "c", RunMount.Sharing.SHARED,
            Optional.of(new CopySource.StageFiles(0)), "", false, 0755, 0, 0);
    private static final RunMount.Tmpfs TMPFS = new RunMount.Tmpfs(Optional.of("/t"), OptionalLong.of(10));
    private static final RunMount.Secret SECRET = new RunMount.Secret("s", Optional.of("/run/s"), Optional.of("S"),
            false, 0400, 0, 0);
    private static final RunMount.Ssh SSH = new RunMount.Ssh("default", Optional.of("/ssh"), false, 0600, 0, 0);
    private static final RunMount.Script SCRIPT = new RunMount.Script("/dev/pipes/EOF", "#!/bin/sh\necho hi\n");

    private static final Step.CopyStep COPY = new Step.CopyStep(AT, "COPY a /dst", ARGS, false,
            new CopySource.StageFiles(0), List.of("a"), "/dst", Optional.of(OWNER), Optional.of(MODE),
            ExcludePatterns.of(List.of("*.tmp")), false, false, Optional.of("sha256:00"), List.of(INLINE));
    private static final Step.RunStep RUN = new Step.RunStep(AT, "RUN make", Map.of("A", "1", "HTTP_PROXY", "p"),
            Set.of("HTTP_PROXY"), SHELL, RunNetwork.DEFAULT, List.of(BIND, CACHE, TMPFS, SECRET, SSH, SCRIPT));

    private record Row(String field, StepKey before, StepKey after) {
        @Override
        public String toString() {
            return field;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void changingOneFieldChangesTheKey(Row row) {
        assertThat(row.after().digest()).as(row.after().describe()).isNotEqualTo(row.before().digest());
    }

    @Test
    void equalStepsGiveEqualKeysWhereverTheyAreWritten() {
        Step.RunStep elsewhere = with(with(RUN, "position", new StepPosition(9, 10, 3, "run  make")), "text", "run");
        Step.RunStep rebuilt = new Step.RunStep(AT, "RUN make", new java.util.LinkedHashMap<>(RUN.args()),
                new TreeSet<>(RUN.proxyArgs()), new Command.Shell("make"), RunNetwork.DEFAULT,
                new ArrayList<>(RUN.mounts()));

        assertThat(key(elsewhere)).isEqualTo(key(RUN));
        assertThat(key(rebuilt).digest()).isEqualTo(key(RUN).digest());
        assertThat(key(with(COPY, "exclude", ExcludePatterns.of(List.of("*.tmp")))).digest())
                .isEqualTo(key(COPY).digest());
        for (Step config : configSteps()) {
            assertThat(key(with((Step.ConfigStep) config, "position", new StepPosition(5, 5, 1, "Y"))).digest())
                    .isEqualTo(key(config).digest());
        }
    }

    @Test
    void everyFieldHasARow() {
        List<Class<?>> types = new ArrayList<>();
        Stream.of(Step.class, ConfigChange.class, RunMount.class, Command.class, CopySource.class)
                .forEach(sealed -> types.addAll(Arrays.asList(sealed.getPermittedSubclasses())));
        types.addAll(List.of(ConfigChange.Pair.class, ConfigChange.Declaration.class, FileOwner.class, OctalMode.class,
                InlineFile.class, HealthConfig.class));
        Set<String> expected = new TreeSet<>();
        for (Class<?> type : types) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!NOT_KEYED.contains(component.getName())) {
                    expected.add(label(type, component.getName()));
                }
            }
        }

        assertThat(rows().map(Row::field).toList()).containsAll(expected);
    }

    @Test
    void aValueWithALineBreakStaysOnItsLine() {
        StepKey key = key(with(COPY, "inlineFiles", List.of(new InlineFile("EOF", "a\nsources 0:\n"))));

        assertThat(key.describe().lines().filter(line -> line.startsWith("sources "))).hasSize(1);
        assertThat(key.describe()).contains("content 13:a\\nsources 0:\\n\n");
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // The key's own inputs.
        StepKey base = key(RUN);
        rows.add(new Row("StepKey.parent", base, StepKey.of(Digest.sha256(new byte[1]), RUN, false, PLATFORM,
                Optional.empty())));
        rows.add(new Row("StepKey.platform", base, StepKey.of(PARENT, RUN, false, "linux/arm64", Optional.empty())));
        rows.add(new Row("StepKey.sources", base, base.withSources(Optional.of(PARENT))));
        rows.add(new Row("cmd-set", base, StepKey.of(PARENT, RUN, true, PLATFORM, Optional.empty())));
        // Each step kind.
        Step.ConfigStep env = config(new ConfigChange.Env(List.of(PAIR)));
        rows.add(row(Step.ConfigStep.class, "args", env, with(env, "args", Map.of("A", "2"))));
        rows.add(row(Step.ConfigStep.class, "change", env, config(new ConfigChange.Label(List.of(PAIR)))));
        copy(rows, "args", Map.of("A", "2"));
        copy(rows, "add", true);
        copy(rows, "source", new CopySource.Context());
        copy(rows, "sources", List.of("a", "b"));
        copy(rows, "destination", "/other");
        copy(rows, "chown", Optional.empty());
        copy(rows, "chmod", Optional.empty());
        copy(rows, "exclude", ExcludePatterns.NONE);
        copy(rows, "parents", true);
        copy(rows, "link", true);
        copy(rows, "checksum", Optional.empty());
        copy(rows, "inlineFiles", List.of());
        run(rows, "args", Map.of("A", "2", "HTTP_PROXY", "p"));
        run(rows, "proxyArgs", Set.of());
        run(rows, "command", EXEC);
        run(rows, "network", RunNetwork.NONE);
        run(rows, "mounts", List.of(BIND, CACHE, TMPFS, SECRET));
        // Each config change, and the values they hold.
        changes(rows, new ConfigChange.Env(List.of(PAIR)), "pairs", List.of(PAIR, PAIR));
        changes(rows, new ConfigChange.Label(List.of(PAIR)), "pairs", List.of());
        changes(rows, new ConfigChange.Cmd(SHELL), "command", EXEC);
        changes(rows, new ConfigChange.Entrypoint(EXEC), "command", SHELL);
        changes(rows, new ConfigChange.Shell(List.of("/bin/sh", "-c")), "shell", List.of("/bin/bash", "-c"));
        changes(rows, new ConfigChange.User("app"), "user", "root");
        changes(rows, new ConfigChange.Workdir("/app"), "path", "app");
        changes(rows, new ConfigChange.Expose(List.of("80")), "ports", List.of("80/udp"));
        changes(rows, new ConfigChange.Volume(List.of("/data")), "paths", List.of("/data", "/logs"));
        changes(rows, new ConfigChange.StopSignal("SIGTERM"), "signal", "SIGINT");
        changes(rows, new ConfigChange.Healthcheck(HEALTH), "health",
                new HealthConfig(List.of("NONE"), 0, 0, 0, 0, 0));
        changes(rows, new ConfigChange.Onbuild("RUN make"), "trigger", "RUN make all");
        changes(rows, new ConfigChange.Arg(List.of(DECLARATION)), "declarations", List.of());
        changes(rows, new ConfigChange.Maintainer("me"), "name", "you");
        inside(rows, ConfigChange.Pair.class, "key", env, pair -> with(pair, "key", "B"));
        inside(rows, ConfigChange.Pair.class, "value", env, pair -> with(pair, "value", "2"));
        Step.ConfigStep arg = config(new ConfigChange.Arg(List.of(DECLARATION)));
        rows.add(row(ConfigChange.Declaration.class, "name", arg,
                config(new ConfigChange.Arg(List.of(with(DECLARATION, "name", "B"))))));
        rows.add(row(ConfigChange.Declaration.class, "defaultValue", arg,
                config(new ConfigChange.Arg(List.of(with(DECLARATION, "defaultValue", Optional.empty()))))));
        Step.ConfigStep health = config(new ConfigChange.Healthcheck(HEALTH));
        for (String component : List.of("interval", "timeout", "startPeriod", "startInterval", "retries")) {
            Object changed = component.equals("retries") ? (Object) 9 : (Object) 9L;
            rows.add(row(HealthConfig.class, component, health,
                    config(new ConfigChange.Healthcheck(with(HEALTH, component, changed)))));
        }
        rows.add(row(HealthConfig.class, "test", health,
                config(new ConfigChange.Healthcheck(with(HEALTH, "test", List.of("CMD", "false"))))));
        // Commands, owners, modes, inline files and sources inside a step.
        rows.add(row(Command.Shell.class, "command", RUN, with(RUN, "command", new Command.Shell("make all"))));
        rows.add(row(Command.Exec.class, "argv", with(RUN, "command", EXEC),
                with(RUN, "command", new Command.Exec(List.of("/bin/app")))));
        rows.add(row(Command.Exec.class, "argv", with(RUN, "command", new Command.Exec(List.of())),
                with(RUN, "command", new Command.Shell(""))));
        copy(rows, FileOwner.class, "user", "chown", Optional.of(with(OWNER, "user", "web")));
        copy(rows, FileOwner.class, "group", "chown", Optional.of(with(OWNER, "group", Optional.empty())));
        copy(rows, FileOwner.class, "group", "chown", Optional.of(with(OWNER, "group", Optional.of(""))));
        copy(rows, OctalMode.class, "bits", "chmod", Optional.of(new OctalMode(0644, "644")));
        copy(rows, OctalMode.class, "written", "chmod", Optional.of(new OctalMode(0755, "0755")));
        copy(rows, InlineFile.class, "name", "inlineFiles", List.of(with(INLINE, "name", "OTHER")));
        copy(rows, InlineFile.class, "content", "inlineFiles", List.of(with(INLINE, "content", "y\n")));
        copy(rows, CopySource.StageFiles.class, "index", "source", new CopySource.StageFiles(1));
        Step.CopyStep fromImage = with(COPY, "source", new CopySource.ImageFiles("busybox"));
        rows.add(row(CopySource.ImageFiles.class, "reference", fromImage,
                with(COPY, "source", new CopySource.ImageFiles("alpine"))));
        // Every field of every mount.
        mount(rows, 0, BIND, "target", Optional.of("/other"));
        mount(rows, 0, BIND, "target", Optional.empty());
        mount(rows, 0, BIND, "source", "src");
        mount(rows, 0, BIND, "from", new CopySource.StageFiles(0));
        mount(rows, 0, BIND, "readWrite", true);
        mount(rows, 1, CACHE, "target", Optional.of("/d"));
        mount(rows, 1, CACHE, "id", "d");
        mount(rows, 1, CACHE, "sharing", RunMount.Sharing.LOCKED);
        mount(rows, 1, CACHE, "from", Optional.empty());
        mount(rows, 1, CACHE, "source", "sub");
        mount(rows, 1, CACHE, "readOnly", true);
        mount(rows, 1, CACHE, "mode", 0700);
        mount(rows, 1, CACHE, "uid", 1L);
        mount(rows, 1, CACHE, "gid", 1L);
        mount(rows, 2, TMPFS, "target", Optional.of("/u"));
        mount(rows, 2, TMPFS, "size", OptionalLong.empty());
        mount(rows, 3, SECRET, "id", "t");
        mount(rows, 3, SECRET, "target", Optional.empty());
        mount(rows, 3, SECRET, "env", Optional.empty());
        mount(rows, 3, SECRET, "required", true);
        mount(rows, 3, SECRET, "mode", 0440);
        mount(rows, 3, SECRET, "uid", 1L);
        mount(rows, 3, SECRET, "gid", 1L);
        mount(rows, 4, SSH, "id", "other");
        mount(rows, 4, SSH, "target", Optional.empty());
        mount(rows, 4, SSH, "required", true);
        mount(rows, 4, SSH, "mode", 0400);
        mount(rows, 4, SSH, "uid", 1L);
        mount(rows, 4, SSH, "gid", 1L);
        mount(rows, 5, SCRIPT, "path", "/dev/pipes/OTHER");
        mount(rows, 5, SCRIPT, "content", "#!/bin/sh\necho bye\n");
        return rows.stream();
    }

    private static List<Step> configSteps() {
        return Stream.of(new ConfigChange.Env(List.of(PAIR)), new ConfigChange.Cmd(SHELL),
                new ConfigChange.Healthcheck(HEALTH), new ConfigChange.Arg(List.of(DECLARATION)))
                .<Step>map(StepKeyTest::config).toList();
    }

    private static Step.ConfigStep config(ConfigChange change) {
        return new Step.ConfigStep(AT, "X", ARGS, change);
    }

    private static void copy(List<Row> rows, String component, Object value) {
        rows.add(row(Step.CopyStep.class, component, COPY, with(COPY, component, value)));
    }

    private static void copy(List<Row> rows, Class<?> type, String component, String field, Object value) {
        rows.add(row(type, component, COPY, with(COPY, field, value)));
    }

    private static void run(List<Row> rows, String component, Object value) {
        rows.add(row(Step.RunStep.class, component, RUN, with(RUN, component, value)));
    }

    private static void changes(List<Row> rows, ConfigChange change, String component, Object value) {
        rows.add(row(change.getClass(), component, config(change), config(with((Record & ConfigChange) change,
                component, value))));
    }

    private static void inside(List<Row> rows, Class<?> type, String component, Step.ConfigStep env,
            UnaryOperator<ConfigChange.Pair> change) {
        rows.add(row(type, component, env, config(new ConfigChange.Env(List.of(change.apply(PAIR))))));
    }

    private static void mount(List<Row> rows, int index, RunMount mount, String component, Object value) {
        List<RunMount> mounts = new ArrayList<>(RUN.mounts());
        mounts.set(index, with((Record & RunMount) mount, component, value));
        rows.add(row(mount.getClass(), component, RUN, with(RUN, "mounts", mounts)));
    }

    private static Row row(Class<?> type, String component, Step before, Step after) {
        return new Row(label(type, component), key(before), key(after));
    }

    private static StepKey key(Step step) {
        return StepKey.of(PARENT, step, false, PLATFORM, Optional.empty());
    }

    private static String label(Class<?> type, String component) {
        Class<?> outer = type.getEnclosingClass();
        return (outer == null ? "" : outer.getSimpleName() + ".") + type.getSimpleName() + "." + component;
    }

    /** A copy of {@code record} with one component replaced, through its canonical constructor. */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, String component, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                found |= components[i].getName().equals(component);
                values[i] = components[i].getName().equals(component) ? value
                        : components[i].getAccessor().invoke(record);
            }
            if (!found) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no " + component);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
