package dev.berth.engine.mount;

import dev.berth.context.BuildContext;
import dev.berth.context.ContextEntry;
import dev.berth.engine.rootfs.DirectoryTrees;
import dev.berth.error.StepInputException;
import dev.berth.error.StoreException;
import dev.berth.plan.CopySource;
import dev.berth.plan.RunMount;
import dev.berth.sandbox.HostMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code --mount}s of one RUN step into host mounts, as BuildKit does:
 * <ul>
 * <li>bind: {@code source} resolved inside the context, stage or image as if it were the root (no {@code ..}
 * above it, links read inside it, CVE-2024-1753); read-only, or with {@code rw} a throwaway copy whose writes
 * are lost; a context with an ignore file is bound as a copy of what the ignore file lets through;
 * <li>cache: the persistent directory of its {@code id} ({@link CacheMounts}), seeded from {@code from};
 * <li>tmpfs: an empty tmpfs of at most {@code size} bytes;
 * <li>secret: the secret's bytes in a file under the work directory ({@code mode}, {@code uid}, {@code gid}),
 * bound read-only, and/or an environment variable ({@code env=}); a missing secret is skipped unless
 * {@code required}.
 * </ul>
 * Relative targets join the working directory. What it made for the step goes when the {@link Resolved} closes.
 */
public final class MountResolver {

    /** Where mount sources come from, as the step runner sees them. */
    public interface Sources {
        /** The files of the context, or of a stage or image extracted for this build. */
        BuildContext files(CopySource source);

        /** What the build sees of {@code files(source)}, listed once per build. */
        List<ContextEntry> listing(CopySource source);

        /** Names the source in messages: {@code the build context}, {@code stage 0}, {@code image busybox}. */
        String name(CopySource source);

        /** What identifies a stage's or image's files for a cache key: its key or manifest digest. */
        String identity(CopySource source);
    }

    /** The host mounts and extra environment of one step; closing releases caches and deletes copies and secrets. */
    public static final class Resolved implements AutoCloseable {
        private final List<HostMount> mounts = new ArrayList<>();
        private final List<String> env = new ArrayList<>();
        private final List<AutoCloseable> cleanup = new ArrayList<>();

        public List<HostMount> mounts() {
            return List.copyOf(mounts);
        }

        public List<String> env() {
            return List.copyOf(env);
        }

        @Override
        public void close() {
            RuntimeException failure = null;
            for (AutoCloseable step : cleanup.reversed()) {
                try {
                    step.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e instanceof RuntimeException runtime ? runtime
                                : new StoreException("releasing RUN mounts: " + e.getMessage(), e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private final CacheMounts caches;
    private final Map<String, BuildSecret> secrets;
    private final Sources sources;
    private final Path scratch;

    /** @param scratch this step's own directory for copies and secret files; removed on close */
    public MountResolver(CacheMounts caches, Map<String, BuildSecret> secrets, Sources sources, Path scratch) {
        this.caches = caches;
        this.secrets = secrets;
        this.sources = sources;
        this.scratch = scratch;
    }

    public Resolved resolve(List<RunMount> mounts, String workingDir) {
        Resolved resolved = new Resolved();
        resolved.cleanup.add(() -> DirectoryTrees.delete(scratch));
        try {
            for (int i = 0; i < mounts.size(); i++) {
                switch (mounts.get(i)) {
                    case RunMount.Bind bind -> resolved.mounts.add(bind(bind, target(bind.target(), workingDir), i));
                    case RunMount.Cache cache -> {
                        CacheMounts.Lease lease = caches.acquire(cache.id(), cache.sharing(), dir -> seed(cache, dir));
                        resolved.cleanup.add(lease);
                        Path dir = lease.directory();
                        if (cache.from().isEmpty() && !cache.source().isEmpty()) {
                            dir = subdirectory(dir, cache.source());
                        }
                        resolved.mounts.add(HostMount.bind(BindSources.real(dir), target(cache.target(), workingDir),
                                cache.readOnly()));
                    }
                    case RunMount.Tmpfs tmpfs -> resolved.mounts.add(HostMount.tmpfs(target(tmpfs.target(), workingDir), tmpfs.size()));
                    case RunMount.Secret secret -> secret(secret, workingDir, i, resolved);
                    case RunMount.Script script -> resolved.mounts.add(script(script, i));
                    case RunMount.Ssh _ -> throw new IllegalStateException("the planner refuses ssh mounts");
                }
            }
            return resolved;
        } catch (RuntimeException failed) {
            try {
                resolved.close();
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
    }

    /** A relative target joins the working directory, as BuildKit's dispatchRunMounts does. */
    public static String target(Optional<String> written, String workingDir) {
        String target = written.orElseThrow(() -> new StepInputException("the mount has no target"));
        String joined = target.startsWith("/") ? target : (workingDir.isEmpty() ? "/" : workingDir) + "/" + target;
        String clean = Path.of("/").resolve(joined).normalize().toString();
        if (clean.equals("/")) {
            throw new StepInputException("a mount target cannot be the root directory",
                    Optional.of("mount at a directory such as /mnt"));
        }
        return clean;
    }

    private HostMount bind(RunMount.Bind bind, String target, int index) {
        CopySource from = bind.from();
        BuildContext files = sources.files(from);
        Path source = BindSources.inside(files, sources.name(from), bind.source());
        boolean filtered = from instanceof CopySource.Context && files.ignoreFile().isPresent();
        if (!bind.readWrite() && !filtered) {
            return HostMount.bind(source, target, true);
        }
        Path copy = scratch.resolve("bind-" + index);
        mkdirs(scratch);
        if (filtered) {
            BindSources.copyListed(files, sources.listing(from), sources.name(from), source, copy, !bind.readWrite());
        } else {
            DirectoryTrees.copy(source, copy);
        }
        return HostMount.bind(BindSources.real(copy), target, !bind.readWrite());
    }

    private void seed(RunMount.Cache cache, Path dir) {
        Optional<CopySource> from = cache.from();
        try {
            if (from.isPresent()) {
                Path source = BindSources.inside(sources.files(from.get()), sources.name(from.get()),
                        cache.source().isEmpty() ? "/" : cache.source());
                Files.delete(dir);
                DirectoryTrees.copy(source, dir);
            }
            Files.setPosixFilePermissions(dir, permissions(cache.mode()));
            Files.setAttribute(dir, "unix:uid", (int) cache.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:gid", (int) cache.gid(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new StoreException("preparing cache mount " + cache.id() + " at " + dir, e);
        }
    }

    /** A RUN here-document with a {@code #!} line: an executable file of its own, read-only in the container. */
    private HostMount script(RunMount.Script script, int index) {
        Path file = scratch.resolve("script-" + index);
        try {
            mkdirs(scratch);
            Files.writeString(file, script.content(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, permissions(0755));
        } catch (IOException e) {
            throw new StoreException("writing the here-document " + script.path() + " of a RUN step: " + e.getMessage(), e);
        }
        return HostMount.bind(file, script.path(), true);
    }

    private void secret(RunMount.Secret secret, String workingDir, int index, Resolved resolved) {
        BuildSecret value = secrets.get(secret.id());
        if (value == null) {
            if (secret.required()) {
                throw new StepInputException("secret \"" + secret.id() + "\" is required but was not provided",
                        Optional.of("pass it with --secret id=" + secret.id() + ",src=FILE (or ,env=VARIABLE)"));
            }
            return;
        }
        byte[] bytes;
        try {
            bytes = value.read();
        } catch (IOException e) {
            throw new StoreException("reading secret \"" + secret.id() + "\"", e);
        }
        if (secret.env().isPresent()) {
            resolved.env.add(secret.env().get() + "=" + new String(bytes, StandardCharsets.UTF_8));
        }
        if (secret.target().isEmpty()) {
            return;
        }
        Path file = scratch.resolve("secret-" + index);
        try {
            mkdirs(scratch);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE)));
            Files.write(file, bytes);
            Files.setPosixFilePermissions(file, permissions(secret.mode()));
            Files.setAttribute(file, "unix:uid", (int) secret.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(file, "unix:gid", (int) secret.gid(), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new StoreException("writing secret \"" + secret.id() + "\" for the RUN step", e);
        }
        resolved.mounts.add(HostMount.bind(BindSources.real(file), target(secret.target(), workingDir), true));
    }

    private Path subdirectory(Path dir, String source) {
        if (BindSources.climbs(source)) {
            throw new StepInputException("cache mount source \"" + source + "\" climbs out of the cache");
        }
        // Earlier steps write the cache freely: a link planted there (ln -s /etc /cache/x) must never lead the
        // bind to the host, so every part of the path is walked without following links, and a link is refused.
        Path sub = dir;
        for (Path part : Path.of("/").resolve(source).normalize()) {
            sub = sub.resolve(part.toString());
            if (Files.isSymbolicLink(sub)) {
                throw new StepInputException("cache mount source \"" + source + "\" passes through the symlink "
                        + dir.relativize(sub) + " in the cache", Optional.of("cache mount sources are directories;"
                        + " a step that made a link there cannot have it bound"));
            }
            makeDirectory(sub, source);
        }
        // A step using the cache at the same time could swap a directory for a link after the walk above.
        Path real = BindSources.real(sub);
        if (!real.startsWith(BindSources.real(dir))) {
            throw new StepInputException("cache mount source \"" + source + "\" resolves outside the cache");
        }
        return real;
    }

    private static void makeDirectory(Path dir, String source) {
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException exists) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new StepInputException("cache mount source \"" + source + "\" is not a directory in the cache");
            }
        } catch (IOException e) {
            throw new StoreException("making " + dir, e);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values();
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }

    private void mkdirs(Path dir) {
        try {
            boolean made = !Files.isDirectory(dir);
            Files.createDirectories(dir);
            if (made && dir.equals(scratch)) {
                // Secret files live here: only the owner may look in.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new StoreException("making " + dir, e);
        }
    }


}
