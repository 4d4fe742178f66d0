package dev.berth.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Applies one tar entry at a time to the target directory: creates, replaces, links, whites out and
 * sets metadata, never following a symlink it did not resolve itself ({@link RootResolver}).
 * Directory times are set at the end, after their children stopped changing them.
 */
final class EntryApplier {

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final RootResolver resolver;
    private final ExtractOptions options;
    private final Set<Path> written = new HashSet<>();
    // Directories known to exist, and those this extraction created (no lower content can be inside):
    // they spare a stat, a mkdir and an exception per entry. Both are dropped whenever anything is deleted.
    // A known directory is a real one all the way up from the root (it was looked at without following links
    // on a resolved path, and nothing was replaced since), so the resolver takes it as its own resolution.
    private final Set<Path> knownDirectories = new HashSet<>();
    private final Set<Path> createdDirectories = new HashSet<>();
    private final List<Map.Entry<Path, FileTime>> directoryTimes = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final byte[] copyBuffer = new byte[256 * 1024];

    EntryApplier(Path root, ExtractOptions options) {
        this.resolver = new RootResolver(root);
        this.options = options;
    }

    List<String> skipped() {
        return skipped;
    }

    void apply(TarArchiveEntry entry, InputStream content) throws EntryRefusedException, IOException {
        checkHeader(entry);
        List<String> components = RootResolver.clean(entry.getName());
        if (components.isEmpty()) {
            if (!entry.isDirectory() || entry.isSymbolicLink() || entry.isLink()) {
                throw new EntryRefusedException("the root itself can only be a directory");
            }
            return; // the target's own metadata belongs to whoever made it
        }
        String base = components.getLast();
        if (base.startsWith(WHITEOUT)) {
            whiteout(components, base, entry.getName());
            return;
        }
        Path path = resolver.resolve(components, knownDirectories);
        ensureDirectory(path.getParent());
        boolean surelyAbsent = createdDirectories.contains(path.getParent()) && !written.contains(path);
        BasicFileAttributes existing = surelyAbsent ? null : lstat(path);
        boolean keepDirectory = existing != null && existing.isDirectory() && entry.isDirectory()
                && !entry.isSymbolicLink() && !entry.isLink();
        if (existing != null && !keepDirectory) {
            deleted(path);
        }
        markWritten(path);
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            resolver.forget();
        } else if (entry.isLink()) {
            Files.createLink(path, hardlinkTarget(entry.getLinkName()));
            return; // the inode's metadata came with the entry that made it
        } else if (entry.isDirectory()) {
            if (!keepDirectory) {
                Files.createDirectory(path);
                createdDirectories.add(path);
            }
            knownDirectories.add(path);
        } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            if (!options.privileged()) {
                skipped.add(entry.getName() + ": device nodes need root");
                return;
            }
            int type = entry.isCharacterDevice() ? NativeFileCalls.S_IFCHR : NativeFileCalls.S_IFBLK;
            NativeFileCalls.mknod(path, type, 0600, entry.getDevMajor(), entry.getDevMinor());
        } else if (entry.isFIFO()) {
            NativeFileCalls.mknod(path, NativeFileCalls.S_IFIFO, 0600, 0, 0);
        } else if (entry.isFile()) {
            writeFile(entry, path, content);
            return;
        } else {
            throw new EntryRefusedException("unsupported entry type");
        }
        setMetadata(entry, path);
    }

    /** Sets the times of directories, deepest first, once no more children will be added. */
    void finish() throws IOException {
        for (Map.Entry<Path, FileTime> directory : directoryTimes.reversed()) {
            setTime(directory.getKey(), directory.getValue());
        }
    }

    private void checkHeader(TarArchiveEntry entry) throws EntryRefusedException {
        if (entry.getName().getBytes(StandardCharsets.UTF_8).length > options.maxPathBytes()
                || entry.getLinkName().getBytes(StandardCharsets.UTF_8).length > options.maxPathBytes()) {
            throw new EntryRefusedException("name longer than " + options.maxPathBytes() + " bytes");
        }
        if (entry.getName().indexOf('\0') >= 0 || entry.getLinkName().indexOf('\0') >= 0) {
            throw new EntryRefusedException("name contains a NUL byte");
        }
        if (entry.isSparse()) {
            throw new EntryRefusedException("sparse entries are not supported");
        }
        if (entry.getLongUserId() < 0 || entry.getLongUserId() > 0xffffffffL
                || entry.getLongGroupId() < 0 || entry.getLongGroupId() > 0xffffffffL) {
            throw new EntryRefusedException("uid or gid out of range");
        }
        if (entry.getSize() < 0 || (entry.getSize() > 0 && !entry.isFile())) {
            throw new EntryRefusedException("size " + entry.getSize() + " on an entry that cannot have content");
        }
        if ((entry.isSymbolicLink() || entry.isLink()) && entry.getLinkName().isEmpty()) {
            throw new EntryRefusedException("link without a target");
        }
    }

    private void whiteout(List<String> components, String base, String name) throws EntryRefusedException, IOException {
        Path marker = resolver.resolve(components, knownDirectories);
        Path directory = marker.getParent();
        if (base.equals(OPAQUE)) {
            switch (options.whiteouts()) {
                case APPLY -> clearLowerChildren(directory);
                case OVERLAY -> {
                    ensureDirectory(directory);
                    markWritten(directory);
                    requirePrivilege(name);
                    NativeFileCalls.setXattr(directory, "trusted.overlay.opaque", "y".getBytes(StandardCharsets.US_ASCII));
                }
            }
            return;
        }
        if (base.startsWith(WHITEOUT + WHITEOUT)) {
            skipped.add(name + ": unknown whiteout metadata");
            return;
        }
        String hidden = base.substring(WHITEOUT.length());
        if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
            throw new EntryRefusedException("whiteout of \"" + hidden + "\" is not a name");
        }
        Path target = directory.resolve(hidden);
        // OCI: a whiteout hides only what lower layers have, never what this layer added.
        if (written.contains(target)) {
            return;
        }
        if (lstat(target) != null) {
            deleted(target);
        }
        if (options.whiteouts() == ExtractOptions.WhiteoutMode.OVERLAY) {
            requirePrivilege(name);
            ensureDirectory(directory);
            NativeFileCalls.mknod(target, NativeFileCalls.S_IFCHR, 0, 0, 0);
            markWritten(target);
        }
    }

    private void ensureDirectory(Path directory) throws IOException {
        if (knownDirectories.contains(directory) || directory.equals(resolver.root())) {
            return;
        }
        BasicFileAttributes attributes = lstat(directory);
        if (attributes == null) {
            ensureDirectory(directory.getParent());
            Files.createDirectory(directory);
            createdDirectories.add(directory);
        } else if (!attributes.isDirectory()) {
            throw new java.nio.file.NotDirectoryException(resolver.root().relativize(directory).toString());
        }
        knownDirectories.add(directory);
    }

    private void deleted(Path path) throws IOException {
        TreeRemover.delete(path);
        resolver.forget();
        knownDirectories.clear();
        createdDirectories.clear();
    }

    private void requirePrivilege(String name) throws EntryRefusedException {
        if (!options.privileged()) {
            throw new EntryRefusedException("overlay whiteouts need root (" + name + ")");
        }
    }

    private void clearLowerChildren(Path directory) throws IOException {
        BasicFileAttributes attributes = lstat(directory);
        if (attributes == null || !attributes.isDirectory()) {
            return;
        }
        List<Path> children;
        try (var list = Files.list(directory)) {
            children = list.toList();
        }
        for (Path child : children) {
            if (!written.contains(child)) {
                deleted(child);
            }
        }
    }

    private Path hardlinkTarget(String linkName) throws EntryRefusedException, IOException {
        List<String> components = RootResolver.clean(linkName);
        if (components.isEmpty()) {
            throw new EntryRefusedException("hardlink to the root");
        }
        Path target = resolver.resolve(components, knownDirectories);
        BasicFileAttributes attributes = lstat(target);
        if (attributes == null) {
            throw new EntryRefusedException("hardlink target " + linkName + " does not exist in this layer or below");
        }
        if (attributes.isDirectory()) {
            throw new EntryRefusedException("hardlink to directory " + linkName);
        }
        return target;
    }

    /** Creates, fills and sets up a regular file through one descriptor (see {@link CreatedFile}). */
    private void writeFile(TarArchiveEntry entry, Path path, InputStream content) throws IOException {
        try (CreatedFile file = CreatedFile.create(path)) {
            int n;
            while ((n = content.read(copyBuffer)) >= 0) {
                file.write(copyBuffer, 0, n);
            }
            if (options.privileged()) {
                file.setOwner(entry.getLongUserId(), entry.getLongGroupId());
            }
            file.setMode(entry.getMode() & 07777);
            setXattrs(entry, path);
            file.setTimes(entry.getLastModifiedTime().toInstant());
        }
    }

    private void setMetadata(TarArchiveEntry entry, Path path) throws IOException {
        if (options.privileged()) {
            // lchown before chmod: chown clears setuid and setgid bits.
            NativeFileCalls.lchown(path, entry.getLongUserId(), entry.getLongGroupId());
        }
        if (!entry.isSymbolicLink()) {
            // The path was just created by us and is not a symlink, so chmod cannot be redirected.
            NativeFileCalls.chmod(path, entry.getMode() & 07777);
        }
        setXattrs(entry, path);
        FileTime mtime = entry.getLastModifiedTime();
        if (entry.isDirectory()) {
            directoryTimes.add(Map.entry(path, mtime));
        } else {
            setTime(path, mtime);
        }
    }

    private void setXattrs(TarArchiveEntry entry, Path path) {
        for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
            if (header.getKey().startsWith("SCHILY.xattr.")) {
                String name = header.getKey().substring("SCHILY.xattr.".length());
                try {
                    NativeFileCalls.setXattr(path, name, header.getValue().getBytes(StandardCharsets.UTF_8));
                } catch (IOException unsupported) {
                    skipped.add(entry.getName() + ": xattr " + name + ": " + unsupported.getMessage());
                }
            }
        }
    }

    private void markWritten(Path path) {
        Path root = resolver.root();
        for (Path p = path; p != null && !p.equals(root) && written.add(p); p = p.getParent()) {
            // every ancestor counts as written too, so an opaque marker cannot delete it
        }
    }

    private static void setTime(Path path, FileTime mtime) throws IOException {
        NativeFileCalls.setTimes(path, mtime.toInstant());
    }

    private static BasicFileAttributes lstat(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException | FileAlreadyExistsException missing) {
            return null;
        }
    }
}
