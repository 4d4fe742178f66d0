package dev.berth.snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How an active snapshot becomes a root file system: an overlay to mount, or a plain directory. */
public sealed interface RootMount {

    /**
     * An overlay: {@code lowers} topmost first, as overlayfs's {@code lowerdir} lists them; {@code upper} and
     * {@code work} are empty for a read-only view.
     */
    record Overlay(List<Path> lowers, Optional<Path> upper, Optional<Path> work) implements RootMount {
        public Overlay {
            lowers = List.copyOf(lowers);
            Objects.requireNonNull(upper, "upper");
            Objects.requireNonNull(work, "work");
            if (lowers.isEmpty()) {
                throw new IllegalArgumentException("an overlay needs at least one lower directory");
            }
            if (upper.isPresent() != work.isPresent()) {
                throw new IllegalArgumentException("an overlay has both an upper and a work directory, or neither");
            }
        }

        /** The mount options: {@code lowerdir=A:B[,upperdir=U,workdir=W]}. */
        public String options() {
            StringBuilder options = new StringBuilder("lowerdir=");
            for (int i = 0; i < lowers.size(); i++) {
                options.append(i == 0 ? "" : ":").append(lowers.get(i));
            }
            upper.ifPresent(u -> options.append(",upperdir=").append(u));
            work.ifPresent(w -> options.append(",workdir=").append(w));
            return options.toString();
        }
    }

    /** A directory that already is the root file system. */
    record Directory(Path path) implements RootMount {
        public Directory {
            Objects.requireNonNull(path, "path");
        }
    }
}
