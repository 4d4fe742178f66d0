package dev.berth.container.copy;

import dev.berth.error.ExecutionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar stream ({@code cp - CONTAINER:DIR}) read into a {@link TreeSink}: names made relative ({@code /} and
 * {@code ./} dropped); a name with a {@code ..} component is refused, as it would climb out of the destination.
 */
final class TarTreeReader {

    private TarTreeReader() {
    }

    static void read(InputStream in, TreeSink sink) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String path = relative(entry.getName());
            var attributes = new TreeSink.Attributes(entry.getMode() & 07777, entry.getLongUserId(),
                    entry.getLongGroupId(), entry.getModTime().toInstant().getEpochSecond());
            if (entry.isDirectory()) {
                sink.directory(path, attributes);
            } else if (entry.isSymbolicLink()) {
                sink.symlink(path, attributes, entry.getLinkName());
            } else if (entry.isLink()) {
                sink.hardlink(path, attributes, relative(entry.getLinkName()));
            } else if (entry.isFile()) {
                sink.file(path, attributes, entry.getSize(), tar);
            }
            // Devices, FIFOs and PAX-only headers are not copied.
        }
        sink.finish();
    }

    /** {@code name} without a leading {@code /} or {@code ./} and {@code .} components; "" for the top. */
    static String relative(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new ExecutionException("refusing to extract " + name + " from the archive: the path escapes "
                        + "the destination directory");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
