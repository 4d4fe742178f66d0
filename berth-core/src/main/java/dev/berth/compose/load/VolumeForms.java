package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.NodePosition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * A service's {@code volumes} entry in its long form: {@code SOURCE:TARGET[:OPTIONS]} or {@code TARGET}. A
 * source starting with {@code .}, {@code /} or {@code ~} is a bind (made absolute against the file's directory,
 * {@code create_host_path: true}); any other is a named volume; {@code ro}, {@code rw}, {@code nocopy},
 * {@code z}/{@code Z} and the propagation modes are the options.
 */
final class VolumeForms {

    private static final Set<String> PROPAGATION = Set.of("shared", "rshared", "slave", "rslave", "private",
            "rprivate");

    private VolumeForms() {
    }

    static ComposeNode expand(ComposeNode entry, String path, Path baseDirectory, String home) {
        return switch (entry) {
            case ComposeNode.Mapping mapping -> longForm(mapping, baseDirectory, home);
            case ComposeNode.Scalar scalar -> shortForm(Nodes.text(scalar, path), scalar.position(), path, baseDirectory,
                    home);
            case ComposeNode.Sequence sequence -> throw ComposeErrors.attribute(sequence.position(), path,
                    "a volume must be a string or a mapping");
        };
    }

    private static ComposeNode longForm(ComposeNode.Mapping mapping, Path baseDirectory, String home) {
        String type = mapping.text("type").orElse("volume");
        ComposeNode.Mapping result = mapping;
        if (mapping.mapping("tmpfs").flatMap(t -> t.text("size")).isPresent()) {
            ComposeNode.Mapping tmpfs = mapping.mapping("tmpfs").orElseThrow();
            result = result.with("tmpfs", tmpfs.with("size", Nodes.string(Long.toString(
                    GoValues.bytes(tmpfs.text("size").orElseThrow())), tmpfs.position())));
        }
        if (type.equals("bind")) {
            ComposeNode.Mapping typed = result;
            result = mapping.text("source").map(source -> typed.with("source",
                    Nodes.string(hostPath(source, baseDirectory, home), mapping.position()))).orElse(typed);
            // Only the short syntax implies create_host_path: a long-form bind prints as written.
        }
        return result;
    }

    private static ComposeNode shortForm(String spec, NodePosition at, String path, Path baseDirectory, String home) {
        List<String> parts = splitSpec(spec);
        LinkedHashMap<String, ComposeNode> entry = new LinkedHashMap<>();
        if (parts.size() == 1) {
            entry.put("type", Nodes.string("volume", at));
            entry.put("target", Nodes.string(parts.getFirst(), at));
            entry.put("volume", ComposeNode.Mapping.empty(at));
            return Nodes.mapping(entry, at);
        }
        if (parts.size() > 3) {
            throw ComposeErrors.attribute(at, path, "invalid spec: " + spec + ": too many colons");
        }
        String source = parts.get(0);
        String target = parts.get(1);
        List<String> options = parts.size() == 3 ? List.of(parts.get(2).split(",")) : List.of();
        boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        entry.put("type", Nodes.string(bind ? "bind" : "volume", at));
        entry.put("source", Nodes.string(bind ? hostPath(source, baseDirectory, home) : source, at));
        entry.put("target", Nodes.string(target, at));
        if (options.contains("ro")) {
            entry.put("read_only", Nodes.bool(true, at));
        }
        if (bind) {
            LinkedHashMap<String, ComposeNode> bindOptions = new LinkedHashMap<>();
            options.stream().filter(PROPAGATION::contains).findFirst()
                    .ifPresent(p -> bindOptions.put("propagation", Nodes.string(p, at)));
            bindOptions.put("create_host_path", Nodes.bool(true, at));
            options.stream().filter(o -> o.equals("z") || o.equals("Z")).findFirst()
                    .ifPresent(s -> bindOptions.put("selinux", Nodes.string(s, at)));
            entry.put("bind", Nodes.mapping(bindOptions, at));
        } else {
            LinkedHashMap<String, ComposeNode> volumeOptions = new LinkedHashMap<>();
            if (options.contains("nocopy")) {
                volumeOptions.put("nocopy", Nodes.bool(true, at));
            }
            entry.put("volume", Nodes.mapping(volumeOptions, at));
        }
        return Nodes.mapping(entry, at);
    }

    /**
     * Splits on colons as compose-go does, which reads a one-letter part followed by {@code :/} or
     * {@code :\\} as a Windows drive ({@code v:/d} is the target {@code v:/d}, not volume {@code v}).
     */
    private static List<String> splitSpec(String spec) {
        List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < spec.length(); i++) {
            if (spec.charAt(i) != ':') {
                continue;
            }
            boolean drive = i - start == 1 && Character.isLetter(spec.charAt(start)) && i + 1 < spec.length()
                    && (spec.charAt(i + 1) == '/' || spec.charAt(i + 1) == '\\');
            if (!drive) {
                parts.add(spec.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(spec.substring(start));
        return parts;
    }

    static String hostPath(String source, Path baseDirectory, String home) {
        if (source.equals("~") || source.startsWith("~/")) {
            return Path.of(home + source.substring(1)).normalize().toString();
        }
        return baseDirectory.resolve(source).normalize().toString();
    }
}
