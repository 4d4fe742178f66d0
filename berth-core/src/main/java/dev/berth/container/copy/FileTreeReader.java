package dev.berth.container.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a tree from an open descriptor into a {@link TreeSink}, descriptor-relative all the way: each child is
 * opened from its parent's descriptor by its single name with {@code O_NOFOLLOW}, so a directory the container
 * swaps for a symlink during the walk is met as that symlink (and copied as one), never followed out of the root.
 * Devices, FIFOs and sockets are left out; a file with several links in the tree is written once, then as links.
 */
final class FileTreeReader {

    private final TreeSink sink;
    private final Map<String, String> firstPaths = new HashMap<>();

    private FileTreeReader(TreeSink sink) {
        this.sink = sink;
    }

    /** Walks {@code top} (its descriptor stays the caller's) and finishes the sink. */
    static void walk(OpenFile top, TreeSink sink) throws IOException {
        new FileTreeReader(sink).visit(top, "");
        sink.finish();
    }

    private void visit(OpenFile file, String path) throws IOException {
        OpenFile.Stat stat = file.stat();
        if (stat.isSymlink()) {
            sink.symlink(path, stat.attributes(), FdCalls.readlink(file.fd(), file.name()));
        } else if (stat.isRegular()) {
            String earlier = stat.links() > 1 ? firstPaths.putIfAbsent(stat.inode(), path) : null;
            if (earlier != null) {
                sink.hardlink(path, stat.attributes(), earlier);
                return;
            }
            try (InputStream in = Files.newInputStream(file.proc())) {
                sink.file(path, stat.attributes(), stat.size(), in);
            }
        } else if (stat.isDirectory()) {
            sink.directory(path, stat.attributes());
            for (String name : names(file)) {
                int child = FdCalls.openat(file.fd(), name, FdCalls.O_PATH | FdCalls.O_NOFOLLOW | FdCalls.O_CLOEXEC, 0);
                try (OpenFile opened = new OpenFile(child, file.name() + "/" + name)) {
                    visit(opened, path.isEmpty() ? name : path + "/" + name);
                }
            }
        }
    }

    private static List<String> names(OpenFile directory) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.proc())) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }
}
