package dev.berth.sbom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Java archives ({@code .jar}, {@code .war}, {@code .ear}, {@code .jpi}): each {@code META-INF/maven/G/A/pom.properties}
 * is a Maven artifact (a shaded jar holds several); an archive without one is named by its MANIFEST
 * ({@code Implementation-Title}/{@code Version}, else {@code Bundle-SymbolicName}/{@code Bundle-Version}), with no
 * PURL since its group is unknown. Archives inside archives (Spring Boot's {@code BOOT-INF/lib}, a WAR's
 * {@code WEB-INF/lib}) are read in memory, up to {@link #MAX_DEPTH} deep; their path is {@code OUTER!/INNER}.
 */
final class JavaArchiveCataloger implements Cataloger {

    static final int MAX_DEPTH = 4;
    private static final long MAX_ARCHIVE_BYTES = 1L << 30;

    private final List<FoundPackage> found = new ArrayList<>();

    @Override
    public boolean wants(LayerFile file) {
        return (file.kind() == LayerFile.Kind.FILE || file.kind() == LayerFile.Kind.HARDLINK)
                && file.size() <= MAX_ARCHIVE_BYTES && archive(file.path());
    }

    private static boolean archive(String path) {
        return path.endsWith(".jar") || path.endsWith(".war") || path.endsWith(".ear") || path.endsWith(".jpi");
    }

    @Override
    public void read(LayerFile file, InputStream content) throws IOException {
        readArchive(file, file.path(), content.readAllBytes(), 0);
    }

    private void readArchive(LayerFile file, String location, byte[] bytes, int depth) throws IOException {
        List<Properties> poms = new ArrayList<>();
        Manifest manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties properties = new Properties();
                    properties.load(new java.io.InputStreamReader(zip, StandardCharsets.UTF_8));
                    poms.add(properties);
                } else if (name.equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(new ByteArrayInputStream(zip.readAllBytes()));
                } else if (archive(name) && depth < MAX_DEPTH) {
                    readArchive(file, location + "!/" + name, zip.readAllBytes(), depth + 1);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // A damaged or non-zip file named .jar proves nothing; the rest of the image is still catalogued.
            return;
        }
        List<String> licenses = manifestLicense(manifest);
        for (Properties pom : poms) {
            String group = pom.getProperty("groupId", "").trim();
            String artifact = pom.getProperty("artifactId", "").trim();
            String version = pom.getProperty("version", "").trim();
            if (!group.isEmpty() && !artifact.isEmpty() && !version.isEmpty()) {
                String purl = PackageUrl.of("maven", group, artifact, version, Map.of());
                found.add(new FoundPackage(FoundPackage.Ecosystem.MAVEN, group + ":" + artifact, version,
                        group + ":" + artifact, version, "", purl, licenses, file.layer(), location, Optional.empty()));
            }
        }
        if (poms.isEmpty() && manifest != null) {
            var main = manifest.getMainAttributes();
            String name = firstOf(main.getValue("Implementation-Title"), main.getValue("Bundle-SymbolicName"));
            String version = firstOf(main.getValue("Implementation-Version"), main.getValue("Bundle-Version"));
            if (!name.isEmpty() && !version.isEmpty()) {
                found.add(new FoundPackage(FoundPackage.Ecosystem.MAVEN, name, version, name, version, "", "",
                        licenses, file.layer(), location, Optional.empty()));
            }
        }
    }

    private static List<String> manifestLicense(Manifest manifest) {
        String license = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-License");
        return license != null && license.matches("[A-Za-z0-9.+-]+") ? List.of(license) : List.of();
    }

    private static String firstOf(String a, String b) {
        String value = a != null && !a.isBlank() ? a : b;
        return value == null ? "" : value.split(";")[0].trim();
    }

    @Override
    public List<FoundPackage> packages(Optional<Distro> distro) {
        return found.stream().sorted(Comparator.comparing(FoundPackage::path).thenComparing(FoundPackage::name)).toList();
    }
}
