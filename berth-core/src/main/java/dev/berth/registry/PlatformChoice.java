package dev.berth.registry;

import dev.berth.error.NotFoundException;
import dev.berth.image.Descriptor;
import dev.berth.image.ImageIndex;
import dev.berth.image.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Picks the manifest for a platform from an index or manifest list, as containerd's matcher does for Linux: same
 * OS and architecture; a variant asked for must match (arm64's {@code v8} matches an entry without one); with no
 * variant asked, an entry without a variant is preferred, then the first.
 */
final class PlatformChoice {

    private PlatformChoice() {
    }

    static Descriptor choose(ImageIndex index, Platform wanted, String what) {
        List<Descriptor> candidates = index.manifests().stream()
                .filter(d -> d.platform().map(p -> p.os().equals(wanted.os())
                        && p.architecture().equals(wanted.architecture()) && variantMatches(p, wanted)).orElse(false))
                .toList();
        Optional<Descriptor> exact = candidates.stream()
                .filter(d -> d.platform().orElseThrow().variant().equals(wanted.variant())).findFirst();
        return exact.or(() -> candidates.stream().findFirst()).orElseThrow(() -> new NotFoundException(what
                + ": no manifest for " + wanted + " in the index (it has " + platforms(index) + ")"));
    }

    private static boolean variantMatches(Platform entry, Platform wanted) {
        if (wanted.variant().isEmpty() || entry.variant().equals(wanted.variant())) {
            return true;
        }
        return wanted.architecture().equals("arm64") && wanted.variant().equals("v8") && entry.variant().isEmpty();
    }

    private static String platforms(ImageIndex index) {
        List<String> all = index.manifests().stream().flatMap(d -> d.platform().stream()).map(Platform::toString)
                .distinct().toList();
        return all.isEmpty() ? "none stated" : String.join(", ", all);
    }
}
