package dev.berth.store;

import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where everything lives under one store root. The root is an OCI image layout ({@code oci-layout},
 * {@code index.json}, {@code blobs/<alg>/<hex>}) that OCI tools read as it is; Berth's own state sits
 * beside it in directories those tools ignore.
 *
 * @param root an absolute path; the directory need not exist yet
 */
public record StoreLayout(Path root) {

    /** Environment variable that overrides the default root (an explicit {@code --root} still wins). */
    public static final String ROOT_VARIABLE = "BERTH_ROOT";

    static final String SYSTEM_ROOT = "/var/lib/berth";

    public StoreLayout {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /**
     * Chooses the root: {@code explicitRoot} (from {@code --root}), else {@code BERTH_ROOT}, else
     * {@code /var/lib/berth} for uid 0, else {@code $XDG_DATA_HOME/berth}, else
     * {@code $HOME/.local/share/berth}. A relative {@code XDG_DATA_HOME} is ignored, as the XDG base
     * directory spec says.
     *
     * @param environment the process environment (injected so the choice is testable)
     * @param uid the effective user id
     * @throws StoreException when nothing names a place (no HOME for a non-root user)
     */
    public static StoreLayout resolve(Optional<Path> explicitRoot, Map<String, String> environment, long uid) {
        if (explicitRoot.isPresent()) {
            return new StoreLayout(explicitRoot.get());
        }
        String fromEnvironment = environment.getOrDefault(ROOT_VARIABLE, "");
        if (!fromEnvironment.isEmpty()) {
            return new StoreLayout(Path.of(fromEnvironment));
        }
        if (uid == 0) {
            return new StoreLayout(Path.of(SYSTEM_ROOT));
        }
        String dataHome = environment.getOrDefault("XDG_DATA_HOME", "");
        if (!dataHome.isEmpty() && Path.of(dataHome).isAbsolute()) {
            return new StoreLayout(Path.of(dataHome, "berth"));
        }
        String home = environment.getOrDefault("HOME", "");
        if (home.isEmpty()) {
            throw new StoreException("choosing a store root: none of --root, " + ROOT_VARIABLE
                    + ", XDG_DATA_HOME or HOME is set");
        }
        return new StoreLayout(Path.of(home, ".local", "share", "berth"));
    }

    public Path ociLayoutFile() {
        return root.resolve("oci-layout");
    }

    public Path indexFile() {
        return root.resolve("index.json");
    }

    public Path blobs() {
        return root.resolve("blobs");
    }

    public Path blob(Digest digest) {
        return blobs().resolve(digest.algorithm()).resolve(digest.hex());
    }

    /** Temporary files (blobs being written, the next {@code index.json}); swept after a crash. */
    public Path ingest() {
        return root.resolve("ingest");
    }

    public Path containers() {
        return root.resolve("containers");
    }

    /** Local volumes: {@code NAME/_data} and {@code NAME/volume.json} each. */
    public Path volumes() {
        return root.resolve("volumes");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    public Path snapshots() {
        return root.resolve("snapshots");
    }

    /** Held exclusively while {@code index.json} is replaced. */
    public Path indexLockFile() {
        return root.resolve(".lock");
    }

    /** Held exclusively while the leftovers of killed processes (containers, work directories) are swept. */
    public Path sweepLockFile() {
        return root.resolve(".sweep.lock");
    }

    /** Work directories of builds: logs, downloads, extracted stages ({@code cache/builds/<id>}). */
    public Path buildWork() {
        return cache().resolve("builds");
    }

    /** Held shared by writers while they add content, exclusively by the garbage collector. */
    public Path collectLockFile() {
        return root.resolve(".gc.lock");
    }

    /** Locked (shared) by the one {@link LocalStore} a process has open on this root; see {@link LocalStore}. */
    public Path instanceLockFile() {
        return root.resolve(".instance.lock");
    }
}
