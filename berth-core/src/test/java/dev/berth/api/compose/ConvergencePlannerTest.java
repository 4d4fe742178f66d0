package dev.berth.api.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.ContainerSummary;
import dev.berth.image.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code up} does from given labels: each row is the containers there are ({@code service#number:hash:image:
 * state}, space-separated), the services wanted ({@code service*scale:hash:image}), and the actions planned.
 */
class ConvergencePlannerTest {

    private static final String IMAGE_A = "sha256:" + "a".repeat(64);
    private static final String IMAGE_B = "sha256:" + "b".repeat(64);

    @ParameterizedTest(name = "{0} / {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                              | web*1:h1:A                | false | create web#1
            ''                              | web*2:h1:A db*1:h2:A      | false | create web#1, create web#2, create db#1
            web#1:h1:A:running              | web*1:h1:A                | false | keep web#1
            web#1:h1:A:running              | web*1:h1:A                | true  | recreate web#1 (forced)
            web#1:h1:A:exited               | web*1:h1:A                | false | start web#1
            web#1:h1:A:created              | web*1:h1:A                | false | start web#1
            web#1:h0:A:created              | web*1:h1:A                | false | recreate web#1 (config changed)
            web#1:h0:A:running              | web*1:h1:A                | false | recreate web#1 (config changed)
            web#1:h1:B:running              | web*1:h1:A                | false | recreate web#1 (image changed)
            web#1::A:running                | web*1:h1:A                | false | recreate web#1 (config changed)
            web#1:h1:A:running db#1:h0:A:running | web*1:h1:A db*1:h2:A | false | keep web#1, recreate db#1 (config changed)
            web#1:h1:A:running web#2:h1:A:running web#3:h1:A:running | web*1:h1:A | false | remove web#3, remove web#2, keep web#1
            web#1:h1:A:running              | web*3:h1:A                | false | keep web#1, create web#2, create web#3
            web#2:h1:A:running              | web*2:h1:A                | false | keep web#2, create web#3
            web#1:h1:A:running old#1:h:A:running | web*1:h1:A          | false | keep web#1, orphan old#1
            web#1:h1:A:running web#1:h1:A:oneoff | web*1:h1:A          | false | keep web#1
            web#1:h1:A:running              | web*0:h1:A                | false | remove web#1
            """)
    void plans(String observed, String desired, boolean force, String expected) {
        assertThat(describe(plan(observed, desired, force))).isEqualTo(expected);
    }

    /**
     * Compose 2.26.1 recreates every dependent of a recreated service (whatever its {@code restart}), down the graph;
     * the fifth column is each dependent's {@code depends_on} ({@code web>db}). Seen on Docker Compose itself:
     * {@code up} after db's environment changed gave {@code Recreated} for db, web and other.
     */
    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            db#1:h0:A:running web#1:h1:A:running | db*1:h2:A web*1:h1:A | web>db | recreate db#1 (config changed), recreate web#1 (dependency db recreated)
            db#1:h2:A:running web#1:h1:A:running | db*1:h2:A web*1:h1:A | web>db | keep db#1, keep web#1
            db#1:h0:A:running web#1:h1:A:exited app#1:h1:A:running | db*1:h2:A web*1:h1:A app*1:h1:A | web>db app>web | recreate db#1 (config changed), recreate web#1 (dependency db recreated), recreate app#1 (dependency web recreated)
            db#1:h0:A:running web#1:h1:A:running | db*1:h2:A web*2:h1:A | web>db | recreate db#1 (config changed), recreate web#1 (dependency db recreated), create web#2
            db#1:h2:A:running web#1:h0:A:running | db*1:h2:A web*1:h1:A | db>web | recreate db#1 (dependency web recreated), recreate web#1 (config changed)
            db#1:h0:A:running web#1:h1:A:running | db*1:h2:A web*1:h1:A | ''     | recreate db#1 (config changed), keep web#1
            """)
    void recreatesTheDependentsOfWhatItRecreates(String observed, String desired, String dependencies,
            String expected) {
        Map<String, Set<String>> needs = new HashMap<>();
        for (String edge : dependencies.isBlank() ? new String[0] : dependencies.split(" ")) {
            needs.computeIfAbsent(edge.split(">")[0], k -> new java.util.HashSet<>()).add(edge.split(">")[1]);
        }
        assertThat(describe(ConvergencePlanner.recreatingDependents(plan(observed, desired, false), needs)))
                .isEqualTo(expected);
    }

    /**
     * {@code network_mode: service:web} for {@code side}: a container of side kept or started only while it shares the
     * namespace of web's first container now (Compose's config hash covers the resolved {@code container:ID}); the
     * third column says whose namespace each side container shares ({@code side#1>web#1}, {@code >gone}: one removed).
     */
    @ParameterizedTest(name = "{0} / {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            web#1:h1:A:running side#1:h1:A:running | web*1:h1:A side*1:h1:A | side#1>web#1 | keep web#1, keep side#1
            web#1:h1:A:running side#1:h1:A:running | web*1:h1:A side*1:h1:A | side#1>gone  | keep web#1, recreate side#1 (network namespace of web changed)
            web#1:h1:A:running side#1:h1:A:exited  | web*1:h1:A side*1:h1:A | side#1>web#1 | keep web#1, start side#1
            web#1:h1:A:running side#1:h1:A:exited  | web*1:h1:A side*1:h1:A | side#1>gone  | keep web#1, recreate side#1 (network namespace of web changed)
            side#1:h1:A:running                    | web*1:h1:A side*1:h1:A | side#1>gone  | create web#1, recreate side#1 (network namespace of web changed)
            web#1:h0:A:running side#1:h1:A:running | web*1:h1:A side*1:h1:A | side#1>web#1 | recreate web#1 (config changed), recreate side#1 (dependency web recreated)
            """)
    void recreatesWhatNoLongerSharesItsServicesNamespace(String observed, String desired, String shares,
            String expected) {
        List<ObservedContainer> have = new ArrayList<>();
        for (String text : observed.split(" ")) {
            have.add(container(text));
        }
        Map<String, String> modes = new HashMap<>();
        for (String share : shares.split(" ")) {
            String[] sides = share.split(">");
            String target = have.stream().filter(c -> (c.service() + "#" + c.number()).equals(sides[1]))
                    .map(ObservedContainer::id).findFirst().orElse("f".repeat(64));
            have.stream().filter(c -> (c.service() + "#" + c.number()).equals(sides[0]))
                    .forEach(c -> modes.put(c.id(), "container:" + target));
        }
        ConvergencePlanner.Plan plan = SharedNamespaces.recreatingStale(plan(observed, desired, false),
                Map.of("side", "web"), have, id -> modes.getOrDefault(id, "default"));

        assertThat(describe(ConvergencePlanner.recreatingDependents(plan, Map.of("side", Set.of("web")))))
                .isEqualTo(expected);
    }

    private static ConvergencePlanner.Plan plan(String observed, String desired, boolean force) {
        List<ObservedContainer> have = new ArrayList<>();
        for (String text : observed.isBlank() ? new String[0] : observed.split(" ")) {
            have.add(container(text));
        }
        List<ConvergencePlanner.Desired> want = new ArrayList<>();
        for (String text : desired.split(" ")) {
            String[] service = text.split("[*:]");
            want.add(new ConvergencePlanner.Desired(service[0], Integer.parseInt(service[1]), service[2],
                    image(service[3])));
        }
        Set<String> services = new java.util.HashSet<>(want.stream().map(ConvergencePlanner.Desired::service).toList());

        return ConvergencePlanner.plan(want, have, force, services);
    }

    private static String describe(ConvergencePlanner.Plan plan) {
        List<String> actions = new ArrayList<>();
        plan.services().values().forEach(list -> list.forEach(action -> actions.add(switch (action) {
            case ContainerAction.Create create -> "create " + create.service() + "#" + create.number();
            case ContainerAction.Recreate recreate -> "recreate " + recreate.service() + "#" + recreate.old().number()
                    + " (" + recreate.reason() + ")";
            case ContainerAction.Start start -> "start " + start.service() + "#" + start.container().number();
            case ContainerAction.Keep keep -> "keep " + keep.service() + "#" + keep.container().number();
            case ContainerAction.Remove remove -> "remove " + remove.service() + "#" + remove.container().number();
        })));
        plan.orphans().forEach(orphan -> actions.add("orphan " + orphan.service() + "#" + orphan.number()));
        return String.join(", ", actions);
    }

    private static String image(String letter) {
        return letter.equals("A") ? IMAGE_A : IMAGE_B;
    }

    /** A container as {@code berth ps} would give it, its compose labels made from the row's text. */
    private static ObservedContainer container(String text) {
        String[] parts = text.split("[#:]", -1);
        String state = parts[4];
        Map<String, String> labels = new HashMap<>(Map.of(ComposeLabels.PROJECT, "p", ComposeLabels.SERVICE, parts[0],
                ComposeLabels.NUMBER, parts[1], ComposeLabels.ONEOFF, state.equals("oneoff") ? "True" : "False"));
        if (!parts[2].isEmpty()) {
            labels.put(ComposeLabels.CONFIG_HASH, parts[2]);
        }
        String id = Integer.toHexString(text.hashCode()).repeat(8).substring(0, 8).repeat(8);
        ContainerSummary summary = new ContainerSummary(id, "p-" + parts[0] + "-" + parts[1], "busybox",
                Digest.parse(image(parts[3])), List.of("sh"), Instant.EPOCH,
                state.equals("oneoff") ? "running" : state, "Up", OptionalInt.empty(), labels);
        return ObservedContainer.of(summary, "p").orElseThrow();
    }
}
