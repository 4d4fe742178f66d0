package dev.berth.imagecheck;

import dev.berth.image.Digest;
import dev.berth.sbom.LayerFile;
import dev.berth.sbom.MergedLayers;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes of regular files that some layer holds but the final file system does not show: each entry of every layer
 * ({@link MergedLayers#walkAll}) that is not the visible one for its path ({@link MergedLayers#walk}) was deleted
 * (a whiteout, an opaque directory, a file replacing a parent) or overwritten above, yet is still in its blob.
 * Summed per path; nothing is read but tar headers.
 */
final class LayerWaste {

    /** One path's wasted bytes, and the lowest layer (1-based) that wasted them. */
    record WastedPath(String path, long bytes, int layer) {}

    /** All of it: the total, and every path, most bytes first (ties by path). */
    record Waste(long total, List<WastedPath> paths) {}

    private LayerWaste() {
    }

    /**
     * @param visible the layer each visible regular file of the final file system comes from, by path
     */
    static Waste measure(MergedLayers merged, List<Digest> diffIds, Map<String, Digest> visible) {
        Map<String, long[]> bytes = new HashMap<>();
        Map<String, Integer> firstLayer = new HashMap<>();
        merged.walkAll(new MergedLayers.Visitor() {
            @Override
            public boolean wants(LayerFile file) {
                if (file.kind() == LayerFile.Kind.FILE && file.size() > 0 && !file.layer().equals(visible.get(file.path()))) {
                    bytes.computeIfAbsent(file.path(), path -> new long[1])[0] += file.size();
                    firstLayer.putIfAbsent(file.path(), diffIds.indexOf(file.layer()) + 1);
                }
                return false;
            }

            @Override
            public void read(LayerFile file, InputStream content) {
                // Only headers are wanted.
            }
        });
        List<WastedPath> paths = bytes.entrySet().stream()
                .map(entry -> new WastedPath(entry.getKey(), entry.getValue()[0], firstLayer.get(entry.getKey())))
                .sorted(Comparator.comparingLong(WastedPath::bytes).reversed().thenComparing(WastedPath::path))
                .toList();
        return new Waste(paths.stream().mapToLong(WastedPath::bytes).sum(), paths);
    }

    /** Docker's {@code units.HumanSize}: decimal units, four significant digits ({@code 12.35MB}, {@code 512B}). */
    static String humanSize(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < units.length - 1) {
            size /= 1000;
            unit++;
        }
        return formatG4(size) + units[unit];
    }

    /** Go's {@code %.4g} for the sizes HumanSize prints: four significant digits, trailing zeros dropped. */
    private static String formatG4(double value) {
        java.math.BigDecimal rounded = new java.math.BigDecimal(value).round(new java.math.MathContext(4));
        return rounded.stripTrailingZeros().toPlainString();
    }
}
