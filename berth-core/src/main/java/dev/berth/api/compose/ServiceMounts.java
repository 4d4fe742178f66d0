package dev.berth.api.compose;

import dev.berth.api.RunMountRequest;
import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.ComposeProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service's mounts as {@code docker run} takes them: {@code volumes} (bind, named, anonymous, tmpfs), the
 * {@code tmpfs} list, and file-backed {@code secrets} (at {@code /run/secrets/NAME}) and {@code configs} (at
 * {@code /NAME}) as read-only binds, which is how Docker Compose mounts them without Swarm.
 */
final class ServiceMounts {

    private ServiceMounts() {
    }

    static List<RunMountRequest> read(ComposeNode.Mapping a, ComposeProject project, String where) {
        List<RunMountRequest> mounts = new ArrayList<>();
        for (ComposeNode item : items(a, "volumes")) {
            ComposeNode.Mapping volume = (ComposeNode.Mapping) item;
            String target = volume.text("target").orElseThrow();
            boolean readOnly = ModelValues.flag(volume, "read_only");
            switch (volume.text("type").orElse("volume")) {
                case "bind" -> mounts.add(new RunMountRequest.Bind(Path.of(volume.text("source").orElseThrow()), target,
                        readOnly, volume.mapping("bind").map(b -> ModelValues.flag(b, "create_host_path")).orElse(true)));
                case "volume" -> mounts.add(new RunMountRequest.Volume(volume.text("source").map(key ->
                        resourceName(project, "volumes", key)), target, readOnly,
                        volume.mapping("volume").map(v -> ModelValues.flag(v, "nocopy")).orElse(false)));
                case "tmpfs" -> {
                    List<String> options = new ArrayList<>();
                    volume.mapping("tmpfs").ifPresent(t -> {
                        t.text("size").ifPresent(size -> options.add("size=" + size));
                        t.text("mode").ifPresent(mode -> options.add("mode=" + Integer.toOctalString(Integer.parseInt(mode))));
                    });
                    mounts.add(new RunMountRequest.Tmpfs(target, options));
                }
                default -> throw ModelValues.error(volume.position(), where + ".volumes: type "
                        + volume.text("type").orElseThrow() + " is not supported by berth compose up");
            }
        }
        for (String tmpfs : ModelValues.strings(a.get("tmpfs"))) {
            int colon = tmpfs.indexOf(':');
            mounts.add(colon < 0 ? new RunMountRequest.Tmpfs(tmpfs, List.of())
                    : new RunMountRequest.Tmpfs(tmpfs.substring(0, colon), List.of(tmpfs.substring(colon + 1).split(","))));
        }
        files(a, project, where, "secrets", "/run/secrets/", mounts);
        files(a, project, where, "configs", "/", mounts);
        return mounts;
    }

    private static void files(ComposeNode.Mapping a, ComposeProject project, String where, String kind, String base,
            List<RunMountRequest> mounts) {
        for (ComposeNode item : items(a, kind)) {
            ComposeNode.Mapping use = (ComposeNode.Mapping) item;
            String source = use.text("source").orElseThrow();
            ComposeNode.Mapping declared = project.model().mapping(kind).flatMap(m -> m.mapping(source))
                    .orElseThrow(() -> ModelValues.error(use.position(), where + "." + kind + ": undefined " + source));
            Optional<String> file = declared.text("file");
            if (file.isEmpty()) {
                throw ModelValues.error(declared.position(), kind + "." + source
                        + ": only file-backed " + kind + " are supported by berth compose up");
            }
            String target = use.text("target").map(t -> t.startsWith("/") ? t : base + t).orElse(base + source);
            mounts.add(new RunMountRequest.Bind(Path.of(file.get()), target, true, false));
        }
    }

    private static List<ComposeNode> items(ComposeNode.Mapping a, String key) {
        return a.get(key).filter(n -> n instanceof ComposeNode.Sequence)
                .map(n -> ((ComposeNode.Sequence) n).items()).orElse(List.of());
    }

    private static String resourceName(ComposeProject project, String kind, String key) {
        return project.model().mapping(kind).flatMap(m -> m.mapping(key)).flatMap(m -> m.text("name"))
                .orElse(project.name() + "_" + key);
    }
}
