package dev.berth.container.copy;

import dev.berth.container.ContainerDirectory;
import dev.berth.container.ContainerRecord;
import dev.berth.error.ExecutionException;
import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code docker cp}, both ways, for running and stopped containers. Every path in the container is opened with
 * {@code openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS)} from the container's root (or a mount's host directory,
 * {@link ContainerRoot}), trees are walked and written descriptor-relative ({@link FileTreeReader},
 * {@link RootedTreeWriter}); no path string is resolved again after a check, and nothing from the container is
 * ever run or loaded (CVE-2019-14271: Docker's helper loaded the container's libc). Where the copy goes follows
 * Docker's rules ({@link CopyPlacement}). Each call returns the bytes of file content copied.
 */
public final class ContainerCopies {

    private static final long IN_ROOT = FdCalls.RESOLVE_IN_ROOT | FdCalls.RESOLVE_NO_MAGICLINKS;

    private ContainerCopies() {
    }

    /** {@code cp CONTAINER:SRC -}: a tar of {@code source}, named by its base name ({@code .} for {@code DIR/.}). */
    public static long toArchive(ContainerRecord record, ContainerDirectory directory, String source, boolean follow,
            OutputStream out) {
        CopyPath path = CopyPath.parse(source);
        try (ContainerRoot root = ContainerRoot.open(record, directory);
                OpenFile opened = openSource(root, path, follow)) {
            var tar = new TarTreeWriter(out, path.contents() ? "." : path.base());
            FileTreeReader.walk(opened, tar);
            return tar.bytes();
        } catch (IOException e) {
            throw failure("copying " + record.name() + ":" + source, e);
        }
    }

    /** {@code cp CONTAINER:SRC DEST}: onto the host by Docker's rules; the files are the caller's. */
    public static long toHost(ContainerRecord record, ContainerDirectory directory, String source, boolean follow,
            String destination) {
        CopyPath path = CopyPath.parse(source);
        CopyPath target = hostPath(destination);
        try (ContainerRoot root = ContainerRoot.open(record, directory);
                OpenFile opened = openSource(root, path, follow);
                OpenFile host = new OpenFile(FdCalls.openat(-1, "/", FdCalls.O_PATH | FdCalls.O_DIRECTORY
                        | FdCalls.O_CLOEXEC, 0), "/")) {
            boolean sourceIsDirectory = opened.stat().isDirectory();
            var located = new ContainerRoot.Located(host.fd(), target.relative());
            CopyPlacement.Destination found = destination(located);
            if (found == CopyPlacement.Destination.MISSING) {
                requireDirectory(new ContainerRoot.Located(host.fd(), target.parentRelative()), () ->
                        new ExecutionException("lstat " + target.parent().given() + ": no such file or directory"));
            }
            CopyPlacement placement = CopyPlacement.of(path, sourceIsDirectory, target, found, target.base());
            String into = placement.intoDestination() ? target.directoryPath() : target.parentDirectory();
            var writer = new RootedTreeWriter(host.fd(), into, placement.top(), RootedTreeWriter.Ownership.CALLER);
            FileTreeReader.walk(opened, writer);
            return writer.bytes();
        } catch (IOException e) {
            throw failure("copying " + record.name() + ":" + source + " to " + destination, e);
        }
    }

    /** {@code cp - CONTAINER:DEST}: a tar extracted into the directory {@code destination}. */
    public static long fromArchive(ContainerRecord record, ContainerDirectory directory, InputStream in,
            String destination, boolean keepOwners) {
        CopyPath target = CopyPath.parse(destination);
        try (ContainerRoot root = ContainerRoot.open(record, directory)) {
            ContainerRoot.Located located = root.locate(target);
            switch (destination(located)) {
                case MISSING -> throw new NotFoundException("No such container:path: " + record.name() + ":" + destination);
                case OTHER -> throw new ExecutionException("destination \"" + record.name() + ":" + destination
                        + "\" must be a directory");
                case DIRECTORY -> {
                    // Extracted into it.
                }
            }
            var writer = new RootedTreeWriter(located.fd(), located.directory(), "", ownership(keepOwners));
            TarTreeReader.read(in, writer);
            return writer.bytes();
        } catch (IOException e) {
            throw failure("copying to " + record.name() + ":" + destination, e);
        }
    }

    /** {@code cp SRC CONTAINER:DEST}: from the host by Docker's rules; owned by root unless {@code keepOwners}. */
    public static long fromHost(ContainerRecord record, ContainerDirectory directory, String source, boolean follow,
            String destination, boolean keepOwners) {
        CopyPath path = hostPath(source);
        CopyPath target = CopyPath.parse(destination);
        int flags = FdCalls.O_PATH | FdCalls.O_CLOEXEC | (follow || path.directory() ? 0 : FdCalls.O_NOFOLLOW);
        OpenFile opened;
        try {
            opened = new OpenFile(FdCalls.openat(-1, "/" + path.relative(), flags, 0), source);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("lstat " + source + ": no such file or directory", e);
        } catch (IOException e) {
            throw failure("copying " + source, e);
        }
        try (opened; ContainerRoot root = ContainerRoot.open(record, directory)) {
            boolean sourceIsDirectory = opened.stat().isDirectory();
            if (path.directory() && !sourceIsDirectory) {
                throw new ExecutionException("not a directory");
            }
            CopyPlacement.Destination found = destination(root.locate(target));
            if (found == CopyPlacement.Destination.MISSING) {
                requireDirectory(root.locate(target.parent()), () -> new NotFoundException("Could not find the file "
                        + target.parent().given() + " in container " + record.name()));
            }
            CopyPlacement placement = CopyPlacement.of(path, sourceIsDirectory, target, found, target.base());
            ContainerRoot.Located into = root.locate(placement.intoDestination() ? target : target.parent());
            var writer = new RootedTreeWriter(into.fd(), into.directory(), placement.top(), ownership(keepOwners));
            FileTreeReader.walk(opened, writer);
            return writer.bytes();
        } catch (IOException e) {
            throw failure("copying " + source + " to " + record.name() + ":" + destination, e);
        }
    }

    /**
     * {@code export}: the container's root file system as a tar, entries named from the root ({@code bin/sh});
     * the overlay root, never {@code /proc/PID/root}, so no mount (volume, bind, {@code /proc}) is in it.
     */
    public static long exportRoot(ContainerRecord record, ContainerDirectory directory, OutputStream out) {
        String rootfs;
        try {
            rootfs = ContainerRoot.requireMounted(record, directory).toString();
        } catch (IOException e) {
            throw failure("exporting container " + record.name(), e);
        }
        try (OpenFile root = new OpenFile(FdCalls.openat(-1, rootfs, FdCalls.O_PATH | FdCalls.O_DIRECTORY
                | FdCalls.O_CLOEXEC, 0), rootfs)) {
            var tar = new TarTreeWriter(out, "");
            FileTreeReader.walk(root, new TopLess(tar));
            return tar.bytes();
        } catch (IOException e) {
            throw failure("exporting container " + record.name(), e);
        }
    }

    /** Leaves out the top directory's own entry (an export's tar has no {@code ./}). */
    private record TopLess(TreeSink sink) implements TreeSink {
        @Override
        public void directory(String path, Attributes attributes) throws IOException {
            if (!path.isEmpty()) {
                sink.directory(path, attributes);
            }
        }

        @Override
        public void file(String path, Attributes attributes, long size, InputStream content) throws IOException {
            sink.file(path, attributes, size, content);
        }

        @Override
        public void symlink(String path, Attributes attributes, String target) throws IOException {
            sink.symlink(path, attributes, target);
        }

        @Override
        public void hardlink(String path, Attributes attributes, String earlierPath) throws IOException {
            sink.hardlink(path, attributes, earlierPath);
        }

        @Override
        public void finish() throws IOException {
            sink.finish();
        }
    }

    private static RootedTreeWriter.Ownership ownership(boolean keepOwners) {
        return keepOwners ? RootedTreeWriter.Ownership.KEEP : RootedTreeWriter.Ownership.ROOT;
    }

    private static OpenFile openSource(ContainerRoot root, CopyPath path, boolean follow) throws IOException {
        ContainerRoot.Located at = root.locate(path);
        // -L follows the source's own last link; DIR/ and DIR/. name the directory a link leads to, as in a shell.
        int flags = FdCalls.O_PATH | FdCalls.O_CLOEXEC | (follow || path.directory() ? 0 : FdCalls.O_NOFOLLOW);
        OpenFile opened;
        try {
            opened = new OpenFile(FdCalls.openat2(at.fd(), at.relative(), flags, 0, IN_ROOT), path.given());
        } catch (NoSuchFileException e) {
            throw new NotFoundException("No such container:path: " + root.name() + ":" + path.given(), e);
        }
        if (path.directory() && !opened.stat().isDirectory()) {
            opened.close();
            throw new ExecutionException("not a directory");
        }
        return opened;
    }

    /** What is at {@code located}, its last link followed inside the root, as Docker's destination is. */
    private static CopyPlacement.Destination destination(ContainerRoot.Located located) throws IOException {
        try (OpenFile found = new OpenFile(FdCalls.openat2(located.fd(), located.relative(),
                FdCalls.O_PATH | FdCalls.O_CLOEXEC, 0, IN_ROOT), located.relative())) {
            return found.stat().isDirectory() ? CopyPlacement.Destination.DIRECTORY : CopyPlacement.Destination.OTHER;
        } catch (NoSuchFileException e) {
            return CopyPlacement.Destination.MISSING;
        }
    }

    private static void requireDirectory(ContainerRoot.Located located, java.util.function.Supplier<RuntimeException> missing)
            throws IOException {
        if (destination(located) != CopyPlacement.Destination.DIRECTORY) {
            throw missing.get();
        }
    }

    /** A host path made absolute against the working directory, keeping its trailing {@code /} or {@code /.}. */
    private static CopyPath hostPath(String given) {
        String absolute = given.startsWith("/") ? given : Path.of("").toAbsolutePath() + "/" + given;
        CopyPath parsed = CopyPath.parse(absolute);
        return new CopyPath(given, parsed.components(), parsed.directory(), parsed.contents());
    }

    private static RuntimeException failure(String what, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getFile() + ": "
                + fs.getReason() : e.getMessage();
        return new ExecutionException(what + ": " + reason, e);
    }
}
