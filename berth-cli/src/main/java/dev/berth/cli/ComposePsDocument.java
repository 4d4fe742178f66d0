package dev.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.ContainerConfigFacts;
import dev.berth.api.ContainerSummary;
import dev.berth.api.compose.ComposeLabels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code compose ps --format json}, as Docker Compose 2.26.1 writes it: Docker's container formatter's
 * fields ({@link ContainerTable}, truncated unless {@code --no-trunc}) with Compose's own ({@code Name},
 * {@code Project}, {@code Service}, {@code Health}, {@code ExitCode}, {@code Publishers}), keys sorted as Go marshals
 * the map.
 */
final class ComposePsDocument {

    /** {@code [IP:]HOST[-HOST]->CTR[-CTR]/PROTO} or {@code CTR[-CTR]/PROTO}, as {@code ports} lists them. */
    private static final Pattern PORT = Pattern.compile(
            "(?:(?<ip>.*):(?<host>\\d+)(?:-(?<hostEnd>\\d+))?->)?(?<ctr>\\d+)(?:-(?<ctrEnd>\\d+))?/(?<proto>\\w+)");
    /** Docker truncates each mount's name to this many characters. */
    private static final int MOUNT_WIDTH = 15;

    private ComposePsDocument() {
    }

    static JsonNode of(ContainerSummary row, List<ContainerConfigFacts.Mount> mounts, String project, Instant now,
            boolean truncate) {
        ObjectNode fields = ContainerTable.fields(row, now, truncate);
        List<String> names = new ArrayList<>();
        int local = 0;
        for (ContainerConfigFacts.Mount mount : mounts) {
            if (mount.type().equals("tmpfs")) {
                continue;
            }
            String name = mount.name().isEmpty() ? mount.source() : mount.name();
            names.add(truncate ? ContainerTable.ellipsis(name, MOUNT_WIDTH) : name);
            local += mount.type().equals("volume") ? 1 : 0;
        }
        fields.put("Mounts", String.join(",", names));
        fields.put("LocalVolumes", Integer.toString(local));
        fields.put("ExitCode", row.exitCode().orElse(0));
        fields.put("Health", row.health().orElse(""));
        fields.put("Name", row.name());
        fields.put("Project", project);
        fields.put("Service", row.labels().getOrDefault(ComposeLabels.SERVICE, ""));
        fields.set("Publishers", publishers(row.ports()));
        Map<String, JsonNode> sorted = new TreeMap<>();
        fields.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        sorted.forEach(document::set);
        return document;
    }

    /** Compose's {@code Publishers}: one entry a port (ranges opened up), sorted; {@code null} for none. */
    static JsonNode publishers(List<String> ports) {
        record Publisher(String url, int target, int published, String protocol) {
        }
        List<Publisher> publishers = new ArrayList<>();
        for (String port : ports) {
            Matcher m = PORT.matcher(port.strip());
            if (!m.matches()) {
                continue;
            }
            int ctr = Integer.parseInt(m.group("ctr"));
            int ctrEnd = m.group("ctrEnd") == null ? ctr : Integer.parseInt(m.group("ctrEnd"));
            int host = m.group("host") == null ? 0 : Integer.parseInt(m.group("host"));
            for (int i = 0; i <= ctrEnd - ctr; i++) {
                publishers.add(new Publisher(m.group("ip") == null ? "" : m.group("ip"), ctr + i,
                        host == 0 ? 0 : host + i, m.group("proto")));
            }
        }
        if (publishers.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        publishers.sort(Comparator.comparingInt(Publisher::target).thenComparingInt(Publisher::published)
                .thenComparing(Publisher::url).thenComparing(Publisher::protocol));
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Publisher p : publishers) {
            array.addObject().put("URL", p.url()).put("TargetPort", p.target()).put("PublishedPort", p.published())
                    .put("Protocol", p.protocol());
        }
        return array;
    }
}
