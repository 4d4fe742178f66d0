package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.NodePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code ports} entries in their long form ({@code mode}, {@code host_ip}, {@code target}, {@code published},
 * {@code protocol}), from {@code [[IP:][HOST]:]CONTAINER[/PROTOCOL]} with ranges: a container range expands to one
 * entry a port (paired with a host range of the same length), a host range for one container port stays one entry.
 */
final class PortForms {

    private PortForms() {
    }

    static List<ComposeNode> expand(ComposeNode entry, String path) {
        return switch (entry) {
            case ComposeNode.Mapping mapping -> List.of(longForm(mapping, path));
            case ComposeNode.Scalar scalar -> shortForm(Nodes.text(scalar, path), scalar.position(), path);
            case ComposeNode.Sequence sequence -> throw ComposeErrors.attribute(sequence.position(), path,
                    "a port must be a string, a number or a mapping");
        };
    }

    private static ComposeNode longForm(ComposeNode.Mapping mapping, String path) {
        LinkedHashMap<String, ComposeNode> entries = new LinkedHashMap<>();
        NodePosition at = mapping.position();
        mapping.get("name").ifPresent(name -> entries.put("name", Nodes.asString(name, path + ".name")));
        entries.put("mode", mapping.get("mode").map(mode -> (ComposeNode) Nodes.asString(mode, path + ".mode"))
                .orElse(Nodes.string("ingress", at)));
        mapping.get("host_ip").ifPresent(ip -> entries.put("host_ip", Nodes.asString(ip, path + ".host_ip")));
        mapping.get("target").ifPresent(target -> entries.put("target",
                Nodes.integer(number(Nodes.text(target, path + ".target"), target.position(), path), at)));
        mapping.get("published").ifPresent(published -> entries.put("published",
                Nodes.asString(published, path + ".published")));
        entries.put("protocol", mapping.get("protocol").map(p -> (ComposeNode) Nodes.asString(p, path + ".protocol"))
                .orElse(Nodes.string("tcp", at)));
        mapping.get("app_protocol").ifPresent(p -> entries.put("app_protocol", Nodes.asString(p, path)));
        mapping.entries().forEach((key, value) -> {
            if (key.startsWith("x-")) {
                entries.put(key, value);
            } else if (!entries.containsKey(key)) {
                throw ComposeErrors.attribute(value.position(), path, "additional property " + key
                        + " is not allowed");
            }
        });
        return Nodes.mapping(entries, at);
    }

    private static List<ComposeNode> shortForm(String spec, NodePosition at, String path) {
        String protocol = "tcp";
        String rest = spec;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            rest = rest.substring(0, slash);
        }
        String ip = "";
        String host = "";
        String container;
        int lastColon = rest.lastIndexOf(':');
        if (lastColon < 0) {
            container = rest;
        } else {
            container = rest.substring(lastColon + 1);
            String front = rest.substring(0, lastColon);
            int hostColon = front.lastIndexOf(':');
            if (front.endsWith("]") || hostColon < 0 && front.contains(".")) {
                ip = front;
            } else if (hostColon < 0) {
                host = front;
            } else {
                ip = front.substring(0, hostColon);
                host = front.substring(hostColon + 1);
            }
            if (ip.startsWith("[") && ip.endsWith("]")) {
                ip = ip.substring(1, ip.length() - 1);
            }
        }
        long[] containerRange = range(container, at, path, spec);
        List<ComposeNode> entries = new ArrayList<>();
        long count = containerRange[1] - containerRange[0] + 1;
        long[] hostRange = host.isEmpty() ? null : range(host, at, path, spec);
        for (long i = 0; i < count; i++) {
            LinkedHashMap<String, ComposeNode> entry = new LinkedHashMap<>();
            entry.put("mode", Nodes.string("ingress", at));
            if (!ip.isEmpty()) {
                entry.put("host_ip", Nodes.string(ip, at));
            }
            entry.put("target", Nodes.integer(containerRange[0] + i, at));
            if (hostRange != null) {
                String published = count == 1 ? host
                        : hostRange[1] - hostRange[0] + 1 == count ? Long.toString(hostRange[0] + i) : host;
                entry.put("published", Nodes.string(published, at));
            }
            entry.put("protocol", Nodes.string(protocol, at));
            entries.add(Nodes.mapping(entry, at));
        }
        return entries;
    }

    private static long[] range(String text, NodePosition at, String path, String spec) {
        int dash = text.indexOf('-');
        long start = number(dash < 0 ? text : text.substring(0, dash), at, path + " \"" + spec + "\"");
        long end = dash < 0 ? start : number(text.substring(dash + 1), at, path + " \"" + spec + "\"");
        if (end < start) {
            throw ComposeErrors.attribute(at, path, "invalid port range: " + text);
        }
        return new long[] {start, end};
    }

    private static long number(String text, NodePosition at, String path) {
        try {
            long port = Long.parseLong(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException bad) {
            throw ComposeErrors.attribute(at, path, "invalid port: \"" + text + "\"");
        }
    }
}
