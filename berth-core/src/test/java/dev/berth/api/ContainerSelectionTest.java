package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerMount;
import dev.berth.container.ContainerPhase;
import dev.berth.container.ContainerRecord;
import dev.berth.container.NetworkJoin;
import dev.berth.container.NetworkOptions;
import dev.berth.error.NotFoundException;
import dev.berth.image.Digest;
import dev.berth.network.PortMapping;
import dev.berth.network.TransportProtocol;
import dev.berth.recovery.OwnerRecord;
import dev.berth.sandbox.SandboxProcess;
import dev.berth.snapshot.SnapshotterLocation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ps --filter} over five containers, newest first: cache (paused, health starting), idle (created, host),
 * worker (exited 3, none, unhealthy), db (exited 0, default bridge, a bind), web (running, user network, a volume,
 * 8080->80/tcp, image exposing 80/tcp and 9000/udp, healthy). Expected lists and Docker's rules from dockerd 20.10.
 */
class ContainerSelectionTest {

    private static final Digest BASE = digest('1');
    private static final Digest CHILD = digest('2');
    private static final String FRONT_ID = "f0" + "e".repeat(62);
    private static final String BRIDGE_ID = "b0" + "d".repeat(62);

    private static final List<ContainerInfo> CONTAINERS = List.of(
            info(record(0, "a1", "web", BASE, Map.of("tier", "front", "x", "1"), network("front"),
                    List.of(volume("data", "/data"))), new ContainerPhase.Running(11, Instant.EPOCH, false)),
            info(record(1, "a2", "db", CHILD, Map.of("tier", "back"), NetworkOptions.BRIDGE, List.of(bind("/srv", "/var/lib"))),
                    new ContainerPhase.Exited(0, Instant.EPOCH)),
            info(record(2, "b3", "worker", BASE, Map.of(), NetworkOptions.NONE, List.of()),
                    new ContainerPhase.Exited(3, Instant.EPOCH)),
            info(record(3, "c4", "idle", CHILD, Map.of("x", "2"), NetworkOptions.HOST, List.of()), new ContainerPhase.Created()),
            info(record(4, "a5", "cache", BASE, Map.of(), network("front"), List.of()),
                    new ContainerPhase.Running(12, Instant.EPOCH, true)));

    private static final ContainerSelection.Facts FACTS = new ContainerSelection.Facts() {
        @Override
        public String health(ContainerInfo info) {
            return Map.of("web", "healthy", "worker", "unhealthy", "cache", "starting").getOrDefault(info.name(), "none");
        }

        @Override
        public List<PortMapping> published(ContainerInfo info) {
            return info.name().equals("web") ? List.of(new PortMapping("", 8080, 80, 1, TransportProtocol.TCP))
                    : List.of();
        }

        @Override
        public Set<String> exposed(ContainerInfo info) {
            return info.record().imageId().equals(BASE) ? Set.of("80/tcp", "9000/udp") : Set.of();
        }

        @Override
        public List<ContainerSelection.NetworkRef> networks(ContainerRecord record) {
            return record.network().networkNames().stream().map(name -> new ContainerSelection.NetworkRef(name,
                    switch (name) {
                        case "front" -> FRONT_ID;
                        case "bridge" -> BRIDGE_ID;
                        default -> "";
                    })).toList();
        }

        @Override
        public Set<Digest> imageFamily(String ancestor) {
            return switch (ancestor) {
                case "base" -> Set.of(BASE, CHILD);
                case "child" -> Set.of(CHILD);
                default -> Set.of();
            };
        }
    };

    @ParameterizedTest(name = "{0} all={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                          | false | cache web
            -                          | true  | cache idle worker db web
            id=a                       | true  | -
            id=a1                      | true  | web
            id=b                       | true  | worker
            id=b;id=c4                 | true  | idle worker
            id=a1;name=db              | true  | -
            id=1                       | true  | -
            name=e                     | true  | cache idle worker web
            name=^/w                   | true  | worker web
            name=^w                    | true  | worker web
            name=[                     | true  | -
            name=db;name=idle          | true  | idle db
            label=tier                 | true  | db web
            label=tier=front           | true  | web
            label=tier;label=x         | true  | web
            label=x=2                  | true  | idle
            label=                     | true  | -
            exited=0                   | true  | db
            exited=0;exited=3          | true  | worker db
            exited=3                   | false | -
            status=running             | false | web
            status=paused              | false | cache
            status=created;status=exited | false | idle worker db
            status=exited;exited=3     | false | worker
            health=healthy             | true  | web
            health=none                | true  | idle db
            health=starting;health=unhealthy | true | cache worker
            ancestor=base              | true  | cache idle worker db web
            ancestor=child             | true  | idle db
            ancestor=nope              | true  | -
            before=worker              | true  | db web
            before=worker              | false | web
            since=db                   | true  | cache idle worker
            since=db;before=cache      | true  | idle worker
            volume=data                | true  | web
            volume=/data               | true  | web
            volume=/srv                | true  | db
            volume=/var/lib;volume=data | true | db web
            volume=/srv/x              | true  | -
            network=front              | true  | cache web
            network=f0e                | true  | cache web
            network=bridge             | true  | db
            network=none;network=host  | true  | idle worker
            network=                   | true  | cache idle worker db web
            publish=8080               | true  | web
            publish=8080/udp           | true  | -
            publish=8000-8090          | true  | web
            expose=80                  | true  | cache web
            expose=9000/udp            | true  | cache web
            publish=0/udp              | true  | cache web
            expose=80                  | false | cache web
            expose=80;status=exited    | false | -
            expose=81                  | true  | -
            is-task=false              | true  | cache idle worker db web
            is-task=true               | true  | -
            isolation=hyperv           | true  | cache idle worker db web
            label=tier;status=exited   | false | db
            """)
    void selects(String filters, boolean all, String expected) {
        ContainerFilter filter = ContainerFilter.parse(filters == null ? List.of() : Arrays.asList(filters.split(";")));
        List<String> names = ContainerSelection.select(CONTAINERS, all, filter, ContainerSelectionTest::idOf, FACTS)
                .stream().map(ContainerInfo::name).toList();
        assertThat(names).isEqualTo(expected == null ? List.of() : Arrays.asList(expected.split(" ")));
    }

    @org.junit.jupiter.api.Test
    void beforeAnUnknownContainerIsNotFound() {
        assertThatThrownBy(() -> ContainerSelection.select(CONTAINERS, true,
                ContainerFilter.parse(List.of("before=nope")), ContainerSelectionTest::idOf, FACTS))
                .isInstanceOf(NotFoundException.class).hasMessage("No such container: nope");
    }

    private static String idOf(String reference) {
        return CONTAINERS.stream().map(ContainerInfo::record).filter(r -> r.name().equals(reference) || r.id().equals(reference))
                .findFirst().map(ContainerRecord::id)
                .orElseThrow(() -> new NotFoundException("No such container: " + reference));
    }

    private static Digest digest(char hex) {
        return Digest.parse("sha256:" + String.valueOf(hex).repeat(64));
    }

    private static NetworkOptions network(String name) {
        return new NetworkOptions(name, List.of(), Optional.empty(), List.of(), false, List.of(), List.of(),
                List.<NetworkJoin>of());
    }

    private static ContainerMount volume(String name, String target) {
        return new ContainerMount(ContainerMount.Type.VOLUME, Optional.of(name),
                Optional.of(Path.of("/var/lib/berth/volumes", name, "_data")), target, false, false, List.of());
    }

    private static ContainerMount bind(String source, String target) {
        return new ContainerMount(ContainerMount.Type.BIND, Optional.empty(), Optional.of(Path.of(source)), target,
                false, false, List.of());
    }

    private static ContainerInfo info(ContainerRecord record, ContainerPhase phase) {
        return new ContainerInfo(record, phase);
    }

    private static ContainerRecord record(int order, String idStart, String name, Digest image, Map<String, String> labels,
            NetworkOptions network, List<ContainerMount> mounts) {
        return new ContainerRecord(idStart + "0".repeat(62), name, "busybox", image,
                new SandboxProcess(List.of("sh"), List.of("PATH=/bin"), "root", "/"), Instant.EPOCH.plusSeconds(order),
                labels, network, "h", true, "", false, OptionalLong.empty(), Optional.empty(),
                new OwnerRecord.RuntimeLocation("runc", Path.of("/usr/sbin/runc"), Path.of("/run/x")),
                new SnapshotterLocation(SnapshotterLocation.OVERLAY, Path.of("/var/lib/x"), false), Optional.empty(),
                mounts, OptionalInt.empty());
    }
}
