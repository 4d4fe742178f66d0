package dev.berth.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go modules from the build info the Go linker writes into every binary (Go 1.18 and later): the
 * {@code \xff Go buildinf:} header, then the Go version and the module list as length-prefixed strings, as
 * {@code go version -m} reads them. Each {@code mod} (the main module) and {@code dep} line is a package, a
 * {@code =>} replacement taking its place; the toolchain is a {@code stdlib} package. Executable ELF files only,
 * read whole in memory up to {@link #MAX_BINARY_BYTES}. Older binaries (pointers to the strings instead of the
 * strings) are not read.
 */
final class GoBuildInfoCataloger implements Cataloger {

    static final long MAX_BINARY_BYTES = 512L << 20;
    static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int FLAG_INLINE_STRINGS = 2;
    private static final int SENTINEL = 16;

    private record Module(String path, String version) {}

    private final List<FoundPackage> found = new ArrayList<>();

    @Override
    public boolean wants(LayerFile file) {
        return (file.kind() == LayerFile.Kind.FILE || file.kind() == LayerFile.Kind.HARDLINK) && file.executable()
                && file.size() > 64 && file.size() <= MAX_BINARY_BYTES;
    }

    @Override
    public void read(LayerFile file, InputStream content) throws IOException {
        byte[] head = content.readNBytes(4);
        if (head.length < 4 || head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F') {
            return;
        }
        byte[] rest = content.readAllBytes();
        int at = indexOf(rest, MAGIC);
        if (at < 0) {
            return;
        }
        parse(rest, at).ifPresent(info -> add(file, info.getKey(), info.getValue()));
    }

    /** The Go version and the modules, or empty when the header is of the old, pointer-based kind. */
    static Optional<Map.Entry<String, List<Module>>> parse(byte[] bytes, int at) {
        if (at + 32 > bytes.length || (bytes[at + 15] & FLAG_INLINE_STRINGS) == 0) {
            return Optional.empty();
        }
        int[] position = {at + 32};
        Optional<String> goVersion = string(bytes, position);
        Optional<String> modInfo = string(bytes, position);
        if (goVersion.isEmpty() || modInfo.isEmpty()) {
            return Optional.empty();
        }
        String info = modInfo.get();
        if (info.length() >= 2 * SENTINEL + 1 && info.charAt(info.length() - SENTINEL - 1) == '\n') {
            info = info.substring(SENTINEL, info.length() - SENTINEL);
        }
        List<Module> modules = new ArrayList<>();
        for (String line : info.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length >= 3 && (fields[0].equals("mod") || fields[0].equals("dep"))) {
                modules.add(new Module(fields[1], fields[2]));
            } else if (fields.length >= 3 && fields[0].equals("=>") && !modules.isEmpty()) {
                modules.set(modules.size() - 1, new Module(fields[1], fields[2]));
            }
        }
        return Optional.of(Map.entry(goVersion.get(), modules));
    }

    private void add(LayerFile file, String goVersion, List<Module> modules) {
        for (Module module : modules) {
            if (module.version().isEmpty() || module.path().startsWith(".")) {
                continue;
            }
            found.add(goPackage(file, module.path(), module.version()));
        }
        if (goVersion.startsWith("go")) {
            found.add(goPackage(file, "stdlib", goVersion.substring(2).split("[ -]")[0]));
        }
    }

    private static FoundPackage goPackage(LayerFile file, String path, String version) {
        int slash = path.lastIndexOf('/');
        String namespace = slash < 0 ? "" : path.substring(0, slash);
        String purl = PackageUrl.of("golang", namespace, path.substring(slash + 1), version, Map.of());
        return new FoundPackage(FoundPackage.Ecosystem.GO, path, version, path, version, "", purl, List.of(),
                file.layer(), file.path(), Optional.empty());
    }

    /** A uvarint length, then that many bytes; advances {@code position}. */
    private static Optional<String> string(byte[] bytes, int[] position) {
        long length = 0;
        int shift = 0;
        int p = position[0];
        while (p < bytes.length) {
            int b = bytes[p++] & 0xff;
            length |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                break;
            }
            shift += 7;
            if (shift > 35) {
                return Optional.empty();
            }
        }
        if (length < 0 || p + length > bytes.length) {
            return Optional.empty();
        }
        position[0] = p + (int) length;
        return Optional.of(new String(bytes, p, (int) length, StandardCharsets.UTF_8));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public List<FoundPackage> packages(Optional<Distro> distro) {
        return found.stream().sorted(Comparator.comparing(FoundPackage::path).thenComparing(FoundPackage::name)).toList();
    }
}
