package dev.berth.sbom;

import dev.berth.image.Digest;
import dev.berth.store.ContentStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Catalogues an image: one walk of its merged layers feeds every cataloger and the os-release reader, then
 * language packages whose metadata a Debian package installed are marked as owned by it.
 */
public final class InventoryReader {

    private final ContentStore content;
    private final RpmQuery rpm;

    /** {@code rpm} lists rpm databases (none are read without it: an image holding one is then refused). */
    public InventoryReader(ContentStore content, RpmQuery rpm) {
        this.content = content;
        this.rpm = rpm;
    }

    public Inventory read(Digest image, String name, List<MergedLayers.Layer> layers) {
        try (RpmCataloger rpmCataloger = new RpmCataloger(rpm)) {
            return read(image, name, layers, rpmCataloger);
        }
    }

    private Inventory read(Digest image, String name, List<MergedLayers.Layer> layers, RpmCataloger rpmCataloger) {
        DpkgCataloger dpkg = new DpkgCataloger();
        List<Cataloger> catalogers = List.of(dpkg, new ApkCataloger(), rpmCataloger, new PythonCataloger(),
                new JavaArchiveCataloger(), new NpmCataloger(), new GoBuildInfoCataloger());
        OsReleaseReader osRelease = new OsReleaseReader();
        new MergedLayers(content, layers).walk(new MergedLayers.Visitor() {
            @Override
            public boolean wants(LayerFile file) {
                boolean wanted = osRelease.wants(file);
                for (Cataloger cataloger : catalogers) {
                    wanted |= cataloger.wants(file);
                }
                return wanted;
            }

            @Override
            public void read(LayerFile file, InputStream stream) throws IOException {
                // Several catalogers may want one file (an executable .jar): each reads its own copy.
                List<MergedLayers.Visitor> readers = new ArrayList<>();
                if (osRelease.wants(file)) {
                    readers.add(osRelease);
                }
                for (Cataloger cataloger : catalogers) {
                    if (cataloger.wants(file)) {
                        readers.add(cataloger);
                    }
                }
                if (readers.size() == 1) {
                    readers.getFirst().read(file, stream);
                    return;
                }
                byte[] bytes = stream.readAllBytes();
                for (MergedLayers.Visitor reader : readers) {
                    reader.read(file, new java.io.ByteArrayInputStream(bytes));
                }
            }
        });
        Optional<Distro> distro = osRelease.distro();
        Map<String, String> owned = dpkg.ownedFiles();
        List<FoundPackage> packages = new ArrayList<>();
        for (Cataloger cataloger : catalogers) {
            for (FoundPackage found : cataloger.packages(distro)) {
                String owner = owned.get(ownedPath(found.path()));
                packages.add(owner == null ? found : found.ownedBy(owner));
            }
        }
        return new Inventory(image, name, distro, packages);
    }

    /** The file dpkg would list for a package's proof: the outer archive of a nested jar, a METADATA's own path. */
    private static String ownedPath(String path) {
        int nested = path.indexOf("!/");
        return nested < 0 ? path : path.substring(0, nested);
    }

    /** {@code /etc/os-release}, else {@code /usr/lib/os-release}, as os-release(5) says to read them. */
    private static final class OsReleaseReader implements MergedLayers.Visitor {
        private Optional<Distro> etc = Optional.empty();
        private Optional<Distro> usrLib = Optional.empty();

        @Override
        public boolean wants(LayerFile file) {
            return (file.path().equals("/etc/os-release") || file.path().equals("/usr/lib/os-release"))
                    && (file.kind() == LayerFile.Kind.FILE || file.kind() == LayerFile.Kind.HARDLINK);
        }

        @Override
        public void read(LayerFile file, InputStream content) throws IOException {
            Optional<Distro> parsed = Distro.parse(content.readAllBytes());
            if (file.path().startsWith("/etc/")) {
                etc = parsed;
            } else {
                usrLib = parsed;
            }
        }

        Optional<Distro> distro() {
            return etc.isPresent() ? etc : usrLib;
        }
    }
}
