package dev.berth.engine.copy;

import dev.berth.error.StepInputException;
import dev.berth.image.Digest;
import dev.berth.image.ImagePaths;
import dev.berth.layer.LayerEntry;
import dev.berth.plan.InlineFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The here-documents of a COPY or ADD as the files BuildKit makes of them: each named after its delimiter,
 * into the destination when that is a directory (it ends with {@code /}, or the step has several sources)
 * and as the destination file otherwise; mode 0644 unless {@code --chmod} says otherwise, owned by
 * {@code --chown} or root.
 */
public final class InlineFiles {

    private InlineFiles() {
    }

    /** @param destination absolute, ending with {@code /} when it is a directory */
    public static List<LayerEntry> entries(List<InlineFile> files, String destination, Ownership owner,
            Optional<Integer> chmod, Instant created) {
        return files.stream().map(file -> {
            String target = ImagePaths.relative(destination.endsWith("/") ? destination + file.name() : destination);
            if (target.isEmpty()) {
                throw new StepInputException("cannot copy the here-document " + file.name() + " over the root directory");
            }
            return LayerEntry.file(target, chmod.orElse(0644), created, file.content().getBytes(StandardCharsets.UTF_8))
                    .withOwner(owner.uid(), owner.gid());
        }).toList();
    }

    /** Adds each file's target, mode, owner and content digest to a step's content digest. */
    public static void addTo(MessageDigest sha, List<InlineFile> files, List<LayerEntry> entries) {
        for (int i = 0; i < files.size(); i++) {
            LayerEntry entry = entries.get(i);
            String line = "inline\0" + entry.path() + "\0" + entry.mode() + "\0" + entry.uid() + ":" + entry.gid() + "\0"
                    + Digest.sha256(files.get(i).content().getBytes(StandardCharsets.UTF_8)) + "\n";
            sha.update(line.getBytes(StandardCharsets.UTF_8));
        }
    }
}
