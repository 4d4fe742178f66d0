package dev.berth.container.copy;

import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TreeSink} writing into a directory below a root descriptor. Every entry's parent directory is opened
 * with {@code openat2(root, PARENT, RESOLVE_IN_ROOT)}, and the entry is made from that descriptor by its single
 * name ({@code O_NOFOLLOW}, {@code O_EXCL}): a symlink anywhere on the way, planted before or swapped in during the
 * copy, resolves inside the root, and the entry itself is never a link's target. The source's top is named
 * {@code top} in {@code directory} ({@code ""}: its contents go into {@code directory} itself).
 */
final class RootedTreeWriter implements TreeSink {

    /** Whose files the copies become. */
    enum Ownership {
        /** The source's owners ({@code cp -a}). */
        KEEP,
        /** {@code 0:0}, Docker's default for copies into a container. */
        ROOT,
        /** The calling user's, as the files are made (copies to the host). */
        CALLER
    }

    private record MadeDirectory(String path, long mtime) {
    }

    private final int root;
    private final String directory;
    private final String top;
    private final Ownership ownership;
    private final List<MadeDirectory> directories = new ArrayList<>();
    private long bytes;

    /**
     * @param directory a path relative to the root ({@code ""} for the root itself)
     */
    RootedTreeWriter(int root, String directory, String top, Ownership ownership) {
        this.root = root;
        this.directory = directory;
        this.top = top;
        this.ownership = ownership;
    }

    long bytes() {
        return bytes;
    }

    /** The path relative to the root an entry goes to. */
    private String target(String path) {
        String named = top.isEmpty() ? path : path.isEmpty() ? top : top + "/" + path;
        if (directory.isEmpty()) {
            return named;
        }
        return named.isEmpty() ? directory : directory + "/" + named;
    }

    private OpenFile parentOf(String target) throws IOException {
        int slash = target.lastIndexOf('/');
        String parent = slash < 0 ? "." : target.substring(0, slash);
        int fd = FdCalls.openat2(root, parent, FdCalls.O_PATH | FdCalls.O_DIRECTORY | FdCalls.O_CLOEXEC, 0,
                FdCalls.RESOLVE_IN_ROOT | FdCalls.RESOLVE_NO_MAGICLINKS);
        return new OpenFile(fd, "/" + parent);
    }

    private static String nameOf(String target) {
        return target.substring(target.lastIndexOf('/') + 1);
    }

    /** Removes a non-directory in the way; refuses, as Docker does, to replace a directory or be replaced by one. */
    private boolean clear(OpenFile parent, String name, String target, boolean directory) throws IOException {
        OpenFile.Stat existing;
        try (OpenFile found = new OpenFile(FdCalls.openat(parent.fd(), name,
                FdCalls.O_PATH | FdCalls.O_NOFOLLOW | FdCalls.O_CLOEXEC, 0), "/" + target)) {
            existing = found.stat();
        } catch (NoSuchFileException absent) {
            return false;
        }
        if (existing.isDirectory() && !directory) {
            throw new ExecutionException("cannot overwrite directory \"/" + target + "\" with non-directory");
        }
        if (!existing.isDirectory() && directory) {
            throw new ExecutionException("cannot overwrite non-directory \"/" + target + "\" with directory");
        }
        if (!directory) {
            FdCalls.unlinkat(parent.fd(), name, false);
            return false;
        }
        return true;
    }

    private void own(OpenFile parent, String name, Attributes attributes) throws IOException {
        switch (ownership) {
            case KEEP -> FdCalls.lchownat(parent.fd(), name, attributes.uid(), attributes.gid());
            case ROOT -> FdCalls.lchownat(parent.fd(), name, 0, 0);
            case CALLER -> {
                // The files are the caller's as made.
            }
        }
    }

    @Override
    public void directory(String path, Attributes attributes) throws IOException {
        String target = target(path);
        if (target.isEmpty()) {
            return;
        }
        String name = nameOf(target);
        try (OpenFile parent = parentOf(target)) {
            if (!clear(parent, name, target, true)) {
                FdCalls.mkdirat(parent.fd(), name, 0700);
            } else if (top.isEmpty() && path.isEmpty()) {
                // Contents into an existing directory: the directory keeps its own mode and owner.
                return;
            }
            try (OpenFile made = new OpenFile(FdCalls.openat(parent.fd(), name,
                    FdCalls.O_RDONLY | FdCalls.O_DIRECTORY | FdCalls.O_NOFOLLOW | FdCalls.O_CLOEXEC, 0), "/" + target)) {
                FdCalls.fchmod(made.fd(), attributes.mode(), made.name());
            }
            own(parent, name, attributes);
        }
        directories.add(new MadeDirectory(target, attributes.mtime()));
    }

    @Override
    public void file(String path, Attributes attributes, long size, InputStream content) throws IOException {
        String target = target(path);
        String name = nameOf(target);
        try (OpenFile parent = parentOf(target)) {
            clear(parent, name, target, false);
            int fd = FdCalls.openat(parent.fd(), name, FdCalls.O_WRONLY | FdCalls.O_CREAT | FdCalls.O_EXCL
                    | FdCalls.O_NOFOLLOW | FdCalls.O_CLOEXEC, 0600);
            try (OpenFile made = new OpenFile(fd, "/" + target); Arena arena = Arena.ofConfined()) {
                MemorySegment buffer = arena.allocate(65536);
                byte[] bytesRead = new byte[65536];
                int read;
                while ((read = content.read(bytesRead)) > 0) {
                    MemorySegment.copy(bytesRead, 0, buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, read);
                    FdCalls.writeFully(made.fd(), buffer, read, made.name());
                    bytes += read;
                }
                FdCalls.fchmod(made.fd(), attributes.mode(), made.name());
            }
            own(parent, name, attributes);
            FdCalls.setTimes(parent.fd(), name, attributes.mtime());
        }
    }

    @Override
    public void symlink(String path, Attributes attributes, String linkTarget) throws IOException {
        String target = target(path);
        String name = nameOf(target);
        try (OpenFile parent = parentOf(target)) {
            clear(parent, name, target, false);
            FdCalls.symlinkat(linkTarget, parent.fd(), name);
            own(parent, name, attributes);
            FdCalls.setTimes(parent.fd(), name, attributes.mtime());
        }
    }

    @Override
    public void hardlink(String path, Attributes attributes, String earlierPath) throws IOException {
        String target = target(path);
        String earlier = target(earlierPath);
        try (OpenFile parent = parentOf(target); OpenFile earlierParent = parentOf(earlier)) {
            clear(parent, nameOf(target), target, false);
            FdCalls.linkat(earlierParent.fd(), nameOf(earlier), parent.fd(), nameOf(target));
        }
    }

    /** Directory times last, children having changed them; deepest first. */
    @Override
    public void finish() throws IOException {
        for (MadeDirectory made : directories.reversed()) {
            try (OpenFile parent = parentOf(made.path())) {
                FdCalls.setTimes(parent.fd(), nameOf(made.path()), made.mtime());
            }
        }
    }
}
