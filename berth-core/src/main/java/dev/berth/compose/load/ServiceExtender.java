package dev.berth.compose.load;

import dev.berth.compose.model.ComposeNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code extends} in one file's services: the base service (from this file, or from {@code file},
 * loaded on its own, relative to this file's directory) with the extending service merged over it by the
 * override rules. A chain that comes back to a service it started from is an error naming the chain.
 */
final class ServiceExtender {

    private final ProjectLoader loader;
    private final Path file;
    private final Path baseDirectory;
    private final ComposeNode.Mapping services;
    private final Map<String, ComposeNode.Mapping> resolved = new LinkedHashMap<>();

    ServiceExtender(ProjectLoader loader, Path file, Path baseDirectory, ComposeNode.Mapping services) {
        this.loader = loader;
        this.file = file;
        this.baseDirectory = baseDirectory;
        this.services = services;
    }

    ComposeNode.Mapping resolveAll() {
        LinkedHashMap<String, ComposeNode> out = new LinkedHashMap<>();
        for (String name : services.entries().keySet()) {
            out.put(name, resolve(name, new ArrayList<>()));
        }
        return ComposeNode.Mapping.of(out, services.position());
    }

    private ComposeNode.Mapping resolve(String name, List<String> chain) {
        ComposeNode.Mapping done = resolved.get(name);
        if (done != null) {
            return done;
        }
        ComposeNode.Mapping service = (ComposeNode.Mapping) services.entries().get(name);
        if (chain.contains(name)) {
            chain.add(name);
            throw ComposeErrors.attribute(service.position(), "services." + name + ".extends",
                    "circular reference with extends: " + String.join(" -> ", chain));
        }
        chain.add(name);
        ComposeNode.Mapping extended = service;
        if (service.get("extends").isPresent()) {
            ComposeNode.Mapping extendsSpec = Nodes.requireMapping(service.get("extends").orElseThrow(),
                    "services." + name + ".extends");
            String baseName = extendsSpec.text("service").orElseThrow(() -> ComposeErrors.attribute(
                    extendsSpec.position(), "services." + name + ".extends", "service is required"));
            ComposeNode.Mapping base;
            if (extendsSpec.text("file").isPresent()) {
                Path other = baseDirectory.resolve(extendsSpec.text("file").orElseThrow()).normalize();
                ComposeNode.Mapping document = loader.loadFile(other, other.getParent(), new ArrayList<>(List.of(file)));
                ComposeNode found = document.mapping("services").flatMap(s -> s.get(baseName)).orElseThrow(() ->
                        ComposeErrors.attribute(extendsSpec.position(), "services." + name + ".extends",
                                "cannot extend service \"" + baseName + "\" of " + other + ": no such service"));
                base = (ComposeNode.Mapping) found;
            } else if (services.entries().containsKey(baseName)) {
                base = resolve(baseName, chain);
            } else {
                throw ComposeErrors.attribute(extendsSpec.position(), "services." + name + ".extends",
                        "cannot extend service \"" + baseName + "\": no such service");
            }
            extended = OverrideMerger.merge(base, service.without("extends"));
        }
        chain.removeLast();
        resolved.put(name, extended);
        return extended;
    }
}
