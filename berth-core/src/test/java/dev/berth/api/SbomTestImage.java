package dev.berth.api;

import dev.berth.event.ProgressListener;
import dev.berth.testing.BaseImages;
import dev.berth.testing.HostCommand;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The image issue 13 asks the SBOM to be tested on: the Debian minbase ({@code mmdebstrap}), then one layer per
 * kind of package, each what installing it really leaves:
 * <ol>
 * <li>python3-six installed by the real {@code dpkg --root} into the extracted minbase: its files, the status file
 * dpkg rewrote and its {@code info/} files (an egg-info that dpkg owns);</li>
 * <li>age the same way: a Go binary Debian built (GOPATH mode: build info with the toolchain, no module list);</li>
 * <li>a Maven Central jar (the commons-compress this test runs with), and a Spring Boot style fat jar holding the
 * same jar and jackson-core under {@code BOOT-INF/lib/}, stored as Spring Boot stores them;</li>
 * <li>the npm package {@code ms} 2.1.3 ({@code npm pack}ed into the test resources) under {@code node_modules}.</li>
 * </ol>
 * The extracted root is kept: {@code dpkg-query --admindir} on it is the oracle. The Debian packages are whatever
 * version bookworm serves the day they are downloaded: the versions to expect are read from the {@code .deb}s
 * ({@code dpkg-deb}), never written here, so that a Debian update breaks nothing.
 *
 * @param root      the minbase with both Debian packages installed, as dpkg left it
 * @param jar       the Maven jar as it is in the image ({@code /opt/lib/NAME.jar})
 * @param nestedJar the second jar inside the fat jar
 * @param debs      what each Debian package's {@code .deb} says of itself
 */
record SbomTestImage(Path root, Path jar, Path nestedJar, Map<String, Deb> debs) {

    /**
     * A {@code .deb}'s control fields and file list, read with {@code dpkg-deb}.
     *
     * @param version its {@code Version}
     * @param files   the paths it installs, each starting with {@code /}
     */
    record Deb(String version, List<String> files) {

        static Deb read(Path deb) {
            String version = HostCommand.of("dpkg-deb", "-f", deb.toString(), "Version").run().orThrow().stdout().strip();
            // dpkg-deb -c prints tar's long listing: the path is the field starting "./" (a link adds " -> target").
            List<String> files = HostCommand.of("dpkg-deb", "-c", deb.toString()).run().orThrow().stdout().lines()
                    .filter(line -> line.contains(" ./")).map(line -> line.substring(line.indexOf(" ./") + 2))
                    .map(path -> path.replaceFirst(" -> .*$", "").replaceFirst("(.)/$", "$1")).toList();
            return new Deb(version, files);
        }
    }

    static final String FAT_JAR = "/opt/app/app.jar";
    static final String NODE_MODULES = "/srv/web/node_modules";
    static final List<String> DEBIAN_PACKAGES = List.of("python3-six", "age");

    /** Builds the image into {@code berth} as {@code reference}, the minbase already stored as {@code base}. */
    static SbomTestImage build(Berth berth, Path rootfs, String base, String reference, Path work) throws IOException {
        Path root = Files.createDirectories(work.resolve("root"));
        HostCommand.of("tar", "-xf", rootfs.toString(), "-C", root.toString()).run().orThrow();
        Path context = Files.createDirectories(work.resolve("context"));
        StringBuilder dockerfile = new StringBuilder("FROM " + base + "\n");
        Map<String, Deb> debs = new LinkedHashMap<>();
        for (String name : DEBIAN_PACKAGES) {
            Path deb = BaseImages.standard().debianPackage(name);
            debs.put(name, Deb.read(deb));
            HostCommand.of("dpkg", "--root=" + root, "--force-depends", "-i", deb.toString())
                    .withEnvironment(Map.of("DEBIAN_FRONTEND", "noninteractive")).run().orThrow();
            installedLayer(root, name, Files.createDirectories(context.resolve(name)));
            dockerfile.append("COPY ").append(name).append("/ /\n");
        }
        Path jar = classJar(org.apache.commons.compress.archivers.tar.TarArchiveEntry.class);
        Path nested = classJar(com.fasterxml.jackson.core.JsonFactory.class);
        Path java = context.resolve("java");
        copy(jar, java.resolve("opt/lib").resolve(jar.getFileName()));
        fatJar(java.resolve(FAT_JAR.substring(1)), jar, nested);
        dockerfile.append("COPY java/ /\n");
        Path modules = Files.createDirectories(context.resolve("npm").resolve(NODE_MODULES.substring(1)).resolve("ms"));
        HostCommand.of("tar", "-xzf", resource("/dev/berth/sbom/npm/ms-2.1.3.tgz").toString(), "-C", modules.toString(),
                "--strip-components=1").run().orThrow();
        dockerfile.append("COPY npm/ /\n");
        berth.build(BuildRequest.builder(context).dockerfileText(dockerfile.toString()).tags(List.of(reference))
                .pull(PullPolicy.NEVER).build(), ProgressListener.NONE);
        return new SbomTestImage(root, jar, nested, Map.copyOf(debs));
    }

    /**
     * The Python distribution python3-six holds as its {@code .deb} lists it: the egg-info directory
     * ({@code /usr/lib/python3/dist-packages/six-VERSION.egg-info}) and the version its name carries.
     */
    String sixEggInfo() {
        return debs.get("python3-six").files().stream()
                .filter(path -> path.matches("/usr/lib/python3/dist-packages/six-[^/]+\\.egg-info")).findFirst()
                .orElseThrow(() -> new IllegalStateException("python3-six's .deb lists no six-*.egg-info"));
    }

    String sixPythonVersion() {
        String name = Path.of(sixEggInfo()).getFileName().toString();
        return name.substring("six-".length(), name.length() - ".egg-info".length());
    }

    /** What dpkg installed for one package: the files its {@code .list} names, the status, its {@code info/} files. */
    private static void installedLayer(Path root, String name, Path layer) throws IOException {
        Path info = root.resolve("var/lib/dpkg/info");
        for (String listed : Files.readAllLines(info.resolve(name + ".list"), StandardCharsets.UTF_8)) {
            Path source = root.resolve(listed.substring(1));
            if (!listed.equals("/.") && !Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                copy(source, layer.resolve(listed.substring(1)));
            }
        }
        copy(root.resolve("var/lib/dpkg/status"), layer.resolve("var/lib/dpkg/status"));
        try (var files = Files.list(info)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
                copy(file, layer.resolve("var/lib/dpkg/info").resolve(file.getFileName()));
            }
        }
    }

    /** A Spring Boot style executable jar: its own pom.properties, the libraries STORED under BOOT-INF/lib/. */
    private static void fatJar(Path target, Path... libraries) throws IOException {
        Files.createDirectories(target.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            deflated(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: "
                    + "org.springframework.boot.loader.launch.JarLauncher\r\nStart-Class: dev.berth.it.App\r\n\r\n");
            deflated(zip, "META-INF/maven/dev.berth.it/fat-app/pom.properties",
                    "artifactId=fat-app\ngroupId=dev.berth.it\nversion=1.0.0\n");
            for (Path library : libraries) {
                byte[] bytes = Files.readAllBytes(library);
                ZipEntry entry = new ZipEntry("BOOT-INF/lib/" + library.getFileName());
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCompressedSize(bytes.length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    private static void deflated(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void copy(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }

    /** The Maven Central jar a class of the test's classpath came from (in the local repository). */
    static Path classJar(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(SbomTestImage.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
