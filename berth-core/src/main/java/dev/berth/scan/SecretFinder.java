package dev.berth.scan;

import dev.berth.image.HistoryEntry;
import dev.berth.image.ImageConfig;
import dev.berth.sbom.LayerFile;
import dev.berth.sbom.MergedLayers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets an image gives away: in its config's Env and Labels, in its history (a RUN records the build args
 * it saw as {@code RUN |2 NAME=VALUE ...}), and in the files of EVERY layer, a file a later layer deletes included
 * (its bytes are still in the blob). Files up to {@link #MAX_FILE_BYTES} are read; values are redacted.
 */
public final class SecretFinder {

    static final long MAX_FILE_BYTES = 1 << 20;
    private static final Pattern BUILD_ARGS = Pattern.compile("^(?:RUN )?\\|\\d+ ((?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)+)");

    private final MergedLayers layers;

    public SecretFinder(MergedLayers layers) {
        this.layers = layers;
    }

    public List<LeakedSecret> find(ImageConfig config) {
        List<LeakedSecret> found = new ArrayList<>();
        for (String variable : config.config().env()) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                String name = variable.substring(0, equals);
                SecretRule.assignment(name, variable.substring(equals + 1))
                        .ifPresent(match -> found.add(new LeakedSecret(match.rule(), "env", name, match.redacted(), false)));
            }
        }
        config.config().labels().forEach((name, value) -> SecretRule.assignment(name, value)
                .ifPresent(match -> found.add(new LeakedSecret(match.rule(), "label", name, match.redacted(), false))));
        List<HistoryEntry> history = config.history();
        for (int i = 0; i < history.size(); i++) {
            Matcher args = BUILD_ARGS.matcher(history.get(i).createdBy());
            if (!args.find()) {
                continue;
            }
            for (String pair : args.group(1).trim().split("\\s+")) {
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals);
                int step = i;
                SecretRule.assignment(name, pair.substring(equals + 1)).ifPresent(match -> found.add(
                        new LeakedSecret(match.rule(), "history", "step " + step + " build arg " + name,
                                match.redacted(), false)));
            }
        }
        found.addAll(files());
        return found;
    }

    private List<LeakedSecret> files() {
        record Hit(LayerFile file, SecretRule.Match match) {}
        List<Hit> hits = new ArrayList<>();
        layers.walkAll(new MergedLayers.Visitor() {
            @Override
            public boolean wants(LayerFile file) {
                return file.kind() == LayerFile.Kind.FILE && file.size() > 0 && file.size() <= MAX_FILE_BYTES;
            }

            @Override
            public void read(LayerFile file, InputStream content) throws IOException {
                SecretRule.shaped(new String(content.readAllBytes(), StandardCharsets.ISO_8859_1))
                        .ifPresent(match -> hits.add(new Hit(file, match)));
            }
        });
        if (hits.isEmpty()) {
            return List.of();
        }
        // Which of them the final file system still shows; the others a later layer deleted or replaced.
        Set<String> flagged = new HashSet<>();
        hits.forEach(hit -> flagged.add(hit.file().path()));
        Map<String, String> visible = new HashMap<>();
        layers.walk(new MergedLayers.Visitor() {
            @Override
            public boolean wants(LayerFile file) {
                if (flagged.contains(file.path())) {
                    visible.put(file.path(), file.layer().toString());
                }
                return false;
            }

            @Override
            public void read(LayerFile file, InputStream content) {
            }
        });
        List<LeakedSecret> found = new ArrayList<>();
        for (Hit hit : hits) {
            boolean deleted = !hit.file().layer().toString().equals(visible.get(hit.file().path()));
            found.add(new LeakedSecret(hit.match().rule(), "layer", hit.file().path() + " in layer "
                    + hit.file().layer(), hit.match().redacted(), deleted));
        }
        return found;
    }
}
