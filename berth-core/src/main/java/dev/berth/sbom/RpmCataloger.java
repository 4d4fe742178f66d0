package dev.berth.sbom;

import dev.berth.error.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * rpm packages: the database files of {@code /usr/lib/sysimage/rpm} (Fedora 36+, openSUSE) or {@code /var/lib/rpm}
 * (RHEL and its rebuilds) are copied out of the layer stream into a scratch directory, and the host's {@code rpm}
 * lists them ({@link RpmQuery}). When both directories hold a database the first is read. The copies are removed on
 * {@link #close()}, which {@link InventoryReader} calls whatever happens.
 */
final class RpmCataloger implements Cataloger, AutoCloseable {

    static final List<String> DIRECTORIES = List.of("/usr/lib/sysimage/rpm", "/var/lib/rpm");
    /** What rpm reads: SQLite with its write-ahead log, Berkeley DB, ndb. The SQLite shared-memory file is rebuilt. */
    private static final List<String> FILES = List.of("rpmdb.sqlite", "rpmdb.sqlite-wal", "Packages", "Packages.db",
            "Index.db");
    private static final List<String> MAIN_FILES = List.of("rpmdb.sqlite", "Packages", "Packages.db");

    private record Copy(Path directory, LayerFile main) {}

    private final RpmQuery rpm;
    private final Map<String, Copy> copies = new LinkedHashMap<>();
    private Path scratch;

    RpmCataloger(RpmQuery rpm) {
        this.rpm = rpm;
    }

    @Override
    public boolean wants(LayerFile file) {
        int slash = file.path().lastIndexOf('/');
        return (file.kind() == LayerFile.Kind.FILE || file.kind() == LayerFile.Kind.HARDLINK)
                && DIRECTORIES.contains(file.path().substring(0, slash)) && FILES.contains(file.name());
    }

    @Override
    public void read(LayerFile file, InputStream content) throws IOException {
        String directory = file.path().substring(0, file.path().lastIndexOf('/'));
        if (scratch == null) {
            scratch = Files.createTempDirectory(rpm.scratch(), "berth-rpmdb-");
        }
        Copy copy = copies.computeIfAbsent(directory, d -> new Copy(scratch.resolve("db" + copies.size()), null));
        Files.createDirectories(copy.directory());
        Files.copy(content, copy.directory().resolve(file.name()));
        if (MAIN_FILES.contains(file.name()) && copy.main() == null) {
            copies.put(directory, new Copy(copy.directory(), file));
        }
    }

    @Override
    public List<FoundPackage> packages(Optional<Distro> distro) {
        for (String directory : DIRECTORIES) {
            Copy copy = copies.get(directory);
            if (copy != null && copy.main() != null) {
                List<FoundPackage> found = new ArrayList<>();
                for (RpmQuery.Header header : rpm.query(copy.directory(), copy.main().path())) {
                    found.add(rpmPackage(header, copy.main(), distro));
                }
                found.sort(Comparator.comparing(FoundPackage::name).thenComparing(FoundPackage::version)
                        .thenComparing(FoundPackage::arch));
                return found;
            }
        }
        return List.of();
    }

    private static FoundPackage rpmPackage(RpmQuery.Header header, LayerFile file, Optional<Distro> distro) {
        String versionRelease = header.version() + "-" + header.release();
        String version = header.epoch().isEmpty() ? versionRelease : header.epoch() + ":" + versionRelease;
        String sourceName = header.name();
        String sourceVersion = versionRelease;
        String source = header.sourceRpm().replaceFirst("\\.(no)?src\\.rpm$", "");
        int release = source.lastIndexOf('-');
        int versionAt = release < 0 ? -1 : source.lastIndexOf('-', release - 1);
        if (versionAt > 0) {
            sourceName = source.substring(0, versionAt);
            sourceVersion = source.substring(versionAt + 1);
        }
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", header.arch());
        qualifiers.put("distro", distro.map(Distro::qualifier).orElse(""));
        qualifiers.put("epoch", header.epoch());
        qualifiers.put("upstream", header.sourceRpm());
        String purl = PackageUrl.of("rpm", distro.map(Distro::vendor).orElse(""), header.name(), versionRelease,
                qualifiers);
        return new FoundPackage(FoundPackage.Ecosystem.RPM, header.name(), version, sourceName, sourceVersion,
                header.arch(), purl, licenses(header.license()), file.layer(), file.path(), Optional.empty());
    }

    /**
     * The license names of rpm's {@code License} tag as SPDX ids: Fedora writes SPDX expressions, older releases
     * Fedora's short names ({@code GPLv2+}, {@code LGPLv2}), read as the Debian names they match.
     */
    static List<String> licenses(String tag) {
        TreeSet<String> ids = new TreeSet<>();
        for (String name : DebianLicenses.names(tag.replaceAll("[()]", " "))) {
            ids.add(DebianLicenses.spdx(name.replaceFirst("(?i)^(a?gpl|lgpl)v(\\d)", "$1-$2")));
        }
        return List.copyOf(ids);
    }

    /** Removes the database copies. */
    @Override
    public void close() {
        if (scratch == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(scratch)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("removing the rpm database copy " + scratch + ": " + e.getMessage(), e);
        }
        scratch = null;
    }
}
