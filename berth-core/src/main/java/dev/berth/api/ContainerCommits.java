package dev.berth.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.berth.container.ContainerChanges;
import dev.berth.container.ContainerRecord;
import dev.berth.engine.ImageAssembler;
import dev.berth.image.ContainerConfig;
import dev.berth.image.Digest;
import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.image.LayerRef;
import dev.berth.image.RawJson;
import dev.berth.layer.LayerStorer;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLock;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker commit}: the container's writable layer (its snapshot's diff, whiteouts included) written by the
 * build's layer writer ({@link LayerStorer}) as one more layer on its image's; the config is the container's as
 * Docker keeps it (the image's, with the run's command, environment, user, directory and labels), then the
 * {@code -c} changes; one history entry, created by the container's command. Stored and tagged as a build's image
 * ({@link ImageAssembler}), under the store's write guard, so no collection takes the new layer meanwhile.
 */
final class ContainerCommits {


    private final LocalStore store;
    private final ImageCatalog catalog;
    private final DetachedRuns detached;
    private final ImageJson json;
    private final Clock clock;

    ContainerCommits(LocalStore store, ImageCatalog catalog, DetachedRuns detached, ImageJson json, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.detached = detached;
        this.json = json;
        this.clock = clock;
    }

    Digest commit(CommitRequest request) {
        ConfigChanges changes = ConfigChanges.parse(request.changes());
        try (StoreLock.Held _ = store.writeGuard()) {
            ContainerChanges container = detached.changes(request.container());
            ContainerRecord record = container.record();
            StoredImage image = catalog.find(record.imageId().toString());
            List<LayerRef> layers = new ArrayList<>(ForegroundRun.layers(image, record.imageId().toString()));
            Instant created = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ContainerConfig running = containerConfig(image.config().config(), record);
            ContainerConfig config = changes.apply(running);
            // Docker's history names the command the container ran, before the changes.
            String createdBy = String.join(" ", running.cmd());
            var history = new HistoryEntry(Optional.of(created), createdBy, request.author(), request.message(),
                    container.entries().isEmpty());
            ImageConfig base = image.config();
            ImageConfig next;
            if (container.entries().isEmpty()) {
                // As Docker: no changes, no layer; the history entry says so.
                next = base.withEmptyLayer(history);
            } else {
                LayerRef layer = new LayerStorer(store.content(), Optional.empty()).store(container.entries());
                layers.add(layer);
                next = base.withLayer(layer.diffId(), history);
            }
            Map<String, RawJson> extra = new HashMap<>(base.extra());
            extra.remove("comment");
            if (!request.message().isEmpty()) {
                extra.put("comment", new RawJson(quoted(request.message())));
            }
            next = new ImageConfig(Optional.of(created), request.author(), next.architecture(), next.os(),
                    next.osVersion(), next.osFeatures(), next.variant(), config, next.rootFs(), next.history(), extra);
            var assembler = new ImageAssembler(store.content(), store.images(), json);
            return assembler.assemble(next, layers, request.reference().map(List::of).orElse(List.of())).imageId();
        }
    }

    /**
     * The container's config as Docker records it: the image's, with the command the container runs (split back
     * into the image's Entrypoint and a Cmd where it starts with it), its environment, user, directory and labels.
     */
    static ContainerConfig containerConfig(ContainerConfig image, ContainerRecord record) {
        List<String> args = record.process().args();
        List<String> entrypoint = image.entrypoint();
        List<String> cmd;
        if (args.size() >= entrypoint.size() && args.subList(0, entrypoint.size()).equals(entrypoint)) {
            cmd = args.subList(entrypoint.size(), args.size());
        } else {
            // --entrypoint replaced it: the container's own entrypoint is its first argument.
            entrypoint = args.subList(0, 1);
            cmd = args.subList(1, args.size());
        }
        return image.toBuilder().entrypoint(List.copyOf(entrypoint)).cmd(List.copyOf(cmd)).env(record.process().env())
                .user(record.process().user()).workingDir(record.process().workingDir()).labels(record.labels())
                .build();
    }

    private static String quoted(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }
}
