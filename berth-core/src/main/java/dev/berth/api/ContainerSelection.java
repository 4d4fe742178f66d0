package dev.berth.api;

import dev.berth.container.ContainerInfo;
import dev.berth.container.ContainerMount;
import dev.berth.container.ContainerPhase;
import dev.berth.container.ContainerRecord;
import dev.berth.image.Digest;
import dev.berth.network.PortMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which containers {@code ps} lists for a {@link ContainerFilter}, in the order and with the rules of Docker's
 * daemon ({@code daemon/list.go}: {@code filterByNameIDMatches}, {@code includeContainerInList}): newest first;
 * {@code before} skips every container up to and including the one named, {@code since} stops at it; a stopped
 * container only with {@code -a} or a {@code status=} filter; then every key's test. Pure: what it needs beyond the
 * records comes through {@link Facts}, asked only for the keys given.
 */
final class ContainerSelection {

    /** What the filter needs that a record and its phase do not say. */
    interface Facts {

        /** Docker's health word: {@code starting}, {@code healthy}, {@code unhealthy}, or {@code none}. */
        String health(ContainerInfo info);

        /** The ports a running container publishes now. */
        List<PortMapping> published(ContainerInfo info);

        /** The ports its image EXPOSEs, {@code 80/tcp}. */
        Set<String> exposed(ContainerInfo info);

        /** The networks it is on, name and id ({@code ""} for {@code host} and {@code none}). */
        List<NetworkRef> networks(ContainerRecord record);

        /** The images an {@code ancestor=} value names, with every image built on them; none for an unknown one. */
        Set<Digest> imageFamily(String ancestor);
    }

    /** A network a container is on. */
    record NetworkRef(String name, String id) {
    }

    private ContainerSelection() {
    }

    /**
     * @param oldestFirst every container, oldest first
     * @param all         {@code -a}
     * @param idOf        the full ID of a container reference ({@code before=}, {@code since=}); throws when none
     * @return the containers listed, newest first
     */
    static List<ContainerInfo> select(List<ContainerInfo> oldestFirst, boolean all, ContainerFilter filter,
            UnaryOperator<String> idOf, Facts facts) {
        if (filter.task().orElse(false)) {
            return List.of();
        }
        Optional<String> before = filter.before().map(idOf);
        Optional<String> since = filter.since().map(idOf);
        Set<String> prefixed = idMatches(oldestFirst, filter.ids());
        List<Pattern> names = filter.names().stream().map(ContainerSelection::goRegex).flatMap(Optional::stream).toList();
        Set<Digest> images = new HashSet<>();
        filter.ancestors().forEach(ancestor -> images.addAll(facts.imageFamily(ancestor)));
        boolean listAll = all || filter.listsAll();
        List<ContainerInfo> selected = new ArrayList<>();
        boolean skipping = before.isPresent();
        for (ContainerInfo info : oldestFirst.reversed()) {
            if (skipping) {
                skipping = !info.id().equals(before.get());
                continue;
            }
            if (since.isPresent() && info.id().equals(since.get())) {
                break;
            }
            if (!listAll && !info.phase().isListed()) {
                continue;
            }
            if (matches(info, filter, prefixed, names, images, facts)) {
                selected.add(info);
            }
        }
        return List.copyOf(selected);
    }

    private static boolean matches(ContainerInfo info, ContainerFilter filter, Set<String> prefixed,
            List<Pattern> names, Set<Digest> images, Facts facts) {
        ContainerRecord record = info.record();
        if (!filter.ids().isEmpty() && !prefixed.contains(record.id())) {
            return false;
        }
        if (!filter.names().isEmpty() && names.stream().noneMatch(name -> name.matcher("/" + record.name()).find()
                || name.matcher(record.name()).find())) {
            return false;
        }
        if (!labelsMatch(filter.labels(), record.labels())) {
            return false;
        }
        if (!filter.statuses().isEmpty() && !filter.statuses().contains(info.phase().state())) {
            return false;
        }
        if (!filter.exited().isEmpty() && !(info.phase() instanceof ContainerPhase.Exited exited
                && filter.exited().contains((long) exited.exitCode()))) {
            return false;
        }
        if (!filter.health().isEmpty() && !filter.health().contains(facts.health(info))) {
            return false;
        }
        if (!filter.volumes().isEmpty() && filter.volumes().stream().noneMatch(volume -> mounts(record, volume))) {
            return false;
        }
        if (!filter.ancestors().isEmpty() && !images.contains(record.imageId())) {
            return false;
        }
        if (!filter.networks().isEmpty() && filter.networks().stream().noneMatch(value -> facts.networks(record)
                .stream().anyMatch(network -> network.name().equals(value) || network.id().startsWith(value)))) {
            return false;
        }
        return (filter.publish().isEmpty() && filter.expose().isEmpty()) || portsMatch(info, filter, facts);
    }

    /** Docker's {@code idIndex.Get}: each value a prefix of exactly one container's ID. */
    private static Set<String> idMatches(List<ContainerInfo> containers, List<String> prefixes) {
        Set<String> matched = new HashSet<>();
        for (String prefix : prefixes) {
            List<String> ids = prefix.isEmpty() ? List.of()
                    : containers.stream().map(ContainerInfo::id).filter(id -> id.startsWith(prefix)).toList();
            if (ids.size() == 1) {
                matched.add(ids.getFirst());
            }
        }
        return matched;
    }

    /** Docker's {@code MatchKVList}: every {@code KEY} present, every {@code KEY=VALUE} equal. */
    private static boolean labelsMatch(List<String> wanted, Map<String, String> labels) {
        for (String label : wanted) {
            int equals = label.indexOf('=');
            String key = equals < 0 ? label : label.substring(0, equals);
            String value = labels.get(key);
            if (value == null || (equals >= 0 && !label.substring(equals + 1).equals(value))) {
                return false;
            }
        }
        return true;
    }

    /** A volume's name, a bind's host path or any mount's destination, as Docker's {@code volume=}. */
    private static boolean mounts(ContainerRecord record, String value) {
        for (ContainerMount mount : record.mounts()) {
            String key = mount.name().orElseGet(() -> mount.hostPath().map(Object::toString).orElse(""));
            if (mount.target().equals(value) || (!key.isEmpty() && key.equals(value))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Docker's {@code publish=}/{@code expose=} over the container's {@code Ports}, which a running container has:
     * one per published port (host and container port) and one per exposed port not published (host port 0).
     */
    private static boolean portsMatch(ContainerInfo info, ContainerFilter filter, Facts facts) {
        if (!info.phase().isRunning()) {
            return false;
        }
        Map<String, Integer> unpublished = new HashMap<>();
        facts.exposed(info).forEach(port -> unpublished.put(port, 0));
        for (PortMapping mapping : facts.published(info)) {
            for (int i = 0; i < mapping.range(); i++) {
                String protocol = mapping.protocol().specName();
                unpublished.remove((mapping.containerPort() + i) + "/" + protocol);
                if (filter.publish().contains(new ContainerFilter.Port(mapping.hostPort() + i, protocol))
                        || filter.expose().contains(new ContainerFilter.Port(mapping.containerPort() + i, protocol))) {
                    return true;
                }
            }
        }
        for (String port : unpublished.keySet()) {
            Optional<ContainerFilter.Port> parsed = exposedPort(port);
            if (parsed.isEmpty()) {
                continue;
            }
            ContainerFilter.Port exposed = parsed.get();
            if (filter.publish().contains(new ContainerFilter.Port(0, exposed.protocol())) || filter.expose().contains(exposed)) {
                return true;
            }
        }
        return false;
    }

    /** An image's {@code ExposedPorts} key, {@code 80/tcp} (a bare {@code 80} is TCP); empty for one Docker would refuse. */
    static Optional<ContainerFilter.Port> exposedPort(String key) {
        int slash = key.indexOf('/');
        String number = slash < 0 ? key : key.substring(0, slash);
        if (number.isEmpty() || number.length() > 5 || !number.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new ContainerFilter.Port(Integer.parseInt(number), slash < 0 ? "tcp" : key.substring(slash + 1)));
    }

    /** A {@code name=} value as Go's {@code regexp}; one Go would refuse matches nothing, as in Docker. */
    private static Optional<Pattern> goRegex(String expression) {
        try {
            return Optional.of(Pattern.compile(expression));
        } catch (PatternSyntaxException refused) {
            return Optional.empty();
        }
    }
}
