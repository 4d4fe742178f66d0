package dev.berth.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.berth.error.StoreException;

/**
 * Writes a {@link RuntimeSpec} as the runtime-spec's {@code config.json}. The JSON is canonical: fields in the
 * order the runtime-spec documents them, absent optionals left out, no insignificant white space, UTF-8. The same
 * spec always gives the same bytes.
 */
public final class RuntimeSpecWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper = new ObjectMapper();

    /** The spec as a JSON tree, for callers that add fields Berth does not model. */
    public ObjectNode toTree(RuntimeSpec spec) {
        ObjectNode root = NODES.objectNode();
        root.put("ociVersion", spec.ociVersion());
        root.set("process", process(spec.process()));
        root.set("root", NODES.objectNode().put("path", spec.root().path()).put("readonly", spec.root().readonly()));
        if (!spec.hostname().isEmpty()) {
            root.put("hostname", spec.hostname());
        }
        ArrayNode mounts = root.putArray("mounts");
        for (MountSpec mount : spec.mounts()) {
            ObjectNode node = mounts.addObject()
                    .put("destination", mount.destination())
                    .put("type", mount.type())
                    .put("source", mount.source());
            node.set("options", strings(mount.options()));
        }
        root.set("linux", LinuxSection.of(spec.linux()));
        return root;
    }

    /** The canonical bytes of the spec. */
    public byte[] write(RuntimeSpec spec) {
        try {
            return mapper.writeValueAsBytes(toTree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers cannot fail to serialize", e);
        }
    }

    /**
     * Writes {@code config.json} into the bundle directory: to a temporary file first, then renamed, so a
     * runtime never reads half a spec.
     *
     * @return the file written
     * @throws StoreException if the file cannot be written
     */
    public Path writeBundleConfig(Path bundle, RuntimeSpec spec) {
        Path config = bundle.resolve("config.json");
        try {
            Path temporary = Files.createTempFile(bundle, ".config-", ".json");
            Files.write(temporary, write(spec));
            return Files.move(temporary, config, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("writing the runtime spec " + config, e);
        }
    }

    private static ObjectNode process(ProcessSpec process) {
        ObjectNode node = NODES.objectNode();
        node.put("terminal", process.terminal());
        ObjectNode user = node.putObject("user").put("uid", process.user().uid()).put("gid", process.user().gid());
        if (!process.user().additionalGids().isEmpty()) {
            ArrayNode gids = user.putArray("additionalGids");
            process.user().additionalGids().forEach(gids::add);
        }
        node.set("args", strings(process.args()));
        node.set("env", strings(process.env()));
        node.put("cwd", process.cwd());
        Capabilities capabilities = process.capabilities();
        ObjectNode caps = node.putObject("capabilities");
        caps.set("bounding", strings(capabilities.bounding()));
        caps.set("effective", strings(capabilities.effective()));
        caps.set("inheritable", strings(capabilities.inheritable()));
        caps.set("permitted", strings(capabilities.permitted()));
        caps.set("ambient", strings(capabilities.ambient()));
        ArrayNode rlimits = node.putArray("rlimits");
        for (Rlimit rlimit : process.rlimits()) {
            rlimits.addObject().put("type", rlimit.type()).put("hard", rlimit.hard()).put("soft", rlimit.soft());
        }
        node.put("noNewPrivileges", process.noNewPrivileges());
        return node;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
