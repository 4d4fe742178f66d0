package dev.berth.engine.mount;

import dev.berth.context.ContentHasher;
import dev.berth.context.ContextEntry;
import dev.berth.engine.copy.CopyContentKey;
import dev.berth.image.Digest;
import dev.berth.plan.CopySource;
import dev.berth.plan.RunMount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The part of a RUN step's cache key that its bind mounts add, as BuildKit's content checksum of a mount's
 * source: for the context, each file under the bound path (relative path, type, mode, size, content digest,
 * link target; no times); for a stage or an image, that stage's cache key or the image's manifest digest.
 * Cache, tmpfs and secret mounts add nothing (their fields are in the step's key, {@link dev.berth.plan.StepKey};
 * a secret's value never is). Empty when the step binds nothing, so keys of steps without mounts do not change.
 */
public final class BindDigests {

    private BindDigests() {
    }

    public static Optional<Digest> of(List<RunMount> mounts, MountResolver.Sources sources, Optional<ContentHasher> hasher,
            String workingDir) {
        MessageDigest sha = Digest.newSha256();
        boolean any = false;
        for (RunMount mount : mounts) {
            if (!(mount instanceof RunMount.Bind bind)) {
                continue;
            }
            any = true;
            CopySource from = bind.from();
            String line = "bind\0" + MountResolver.target(bind.target(), workingDir) + "\0" + bind.source() + "\0"
                    + sources.identity(from) + "\0";
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            if (from instanceof CopySource.Context) {
                Path source = BindSources.inside(sources.files(from), sources.name(from), bind.source());
                Path root = BindSources.realRoot(sources.files(from));
                String relative = root.relativize(source).toString();
                for (ContextEntry entry : under(sources.listing(from), relative)) {
                    String content = switch (entry.type()) {
                        case FILE -> hasher.map(h -> h.hash(entry).digest().toString())
                                .orElseGet(() -> CopyContentKey.hashFile(root.resolve(entry.path())));
                        case SYMLINK -> CopyContentKey.linkTarget(root.resolve(entry.path()));
                        default -> "";
                    };
                    String entryLine = entry.path() + "\0" + entry.type() + "\0" + entry.permissions() + "\0"
                            + entry.size() + "\0" + content + "\n";
                    sha.update(entryLine.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return any ? Optional.of(Digest.sha256(sha)) : Optional.empty();
    }

    /** The entries at or under the context path {@code relative} ({@code ""} for the root). */
    public static List<ContextEntry> under(List<ContextEntry> listing, String relative) {
        if (relative.isEmpty()) {
            return listing;
        }
        return listing.stream()
                .filter(entry -> entry.path().equals(relative) || entry.path().startsWith(relative + "/"))
                .toList();
    }
}
