package dev.berth.sbom;

import dev.berth.image.Digest;
import dev.berth.store.ContentStore;
import dev.berth.store.Ingester;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small image made by the test, one package of each kind: a Debian base (dpkg status with an epoch'd binary of a
 * source package, a python3 module dpkg owns, a package left as config-files), then an app layer with a Maven jar,
 * a fat jar nesting another, npm packages, a pip-installed wheel and a Go binary, then a layer that replaces one
 * npm package and deletes a jar with a whiteout.
 */
final class SyntheticImage {

    static final String STATUS = """
            Package: bsdutils
            Status: install ok installed
            Architecture: amd64
            Source: util-linux (2.38.1-5)
            Version: 1:2.38.1-5+b1
            Description: basic utilities from 4.4BSD-Lite
             more text

            Package: python3-six
            Status: install ok installed
            Architecture: all
            Source: six
            Version: 1.16.0-4

            Package: oldpkg
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1
            """;

    static final String COPYRIGHT = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
            Upstream-Name: util-linux

            Files: *
            License: GPL-2+

            Files: lib/*
            License: BSD-3-clause or public-domain

            License: GPL-2+
             text
            """;

    private SyntheticImage() {
    }

    static List<MergedLayers.Layer> store(ContentStore content) {
        List<MergedLayers.Layer> layers = new ArrayList<>();
        for (byte[] tar : List.of(base(), app(), patch())) {
            try (Ingester ingester = content.ingest()) {
                ingester.stream().write(tar);
                Digest digest = ingester.commit(Optional.empty()).digest();
                layers.add(new MergedLayers.Layer(digest, digest));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return layers;
    }

    static byte[] base() {
        return new TarBuilder()
                .dir("etc").symlink("etc/os-release", "../usr/lib/os-release")
                .file("usr/lib/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n"
                        + "VERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n")
                .file("var/lib/dpkg/status", STATUS)
                .file("var/lib/dpkg/info/python3-six.list", "/.\n/usr/lib/python3/dist-packages\n"
                        + "/usr/lib/python3/dist-packages/six-1.16.0.egg-info\n")
                .file("usr/share/doc/bsdutils/copyright", COPYRIGHT)
                .file("usr/share/doc/six-common/copyright", "Format: http://www.debian.org/doc/packaging-manuals/"
                        + "copyright-format/1.0/\n\nFiles: *\nLicense: Expat\n")
                .symlink("usr/share/doc/python3-six", "six-common")
                .file("usr/lib/python3/dist-packages/six-1.16.0.egg-info",
                        "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\nLicense: MIT\n")
                .file("tmp/gone.jar", jar(Map.of("META-INF/maven/x/gone/pom.properties",
                        pom("x", "gone", "1.0"))))
                .build();
    }

    static byte[] app() {
        byte[] databind = jar(Map.of("META-INF/maven/com.fasterxml.jackson.core/jackson-databind/pom.properties",
                pom("com.fasterxml.jackson.core", "jackson-databind", "2.13.0")));
        return new TarBuilder()
                .file("app/lib/guava.jar", jar(Map.of("META-INF/maven/com.google.guava/guava/pom.properties",
                        pom("com.google.guava", "guava", "31.1-jre"), "META-INF/MANIFEST.MF",
                        "Manifest-Version: 1.0\nBundle-License: Apache-2.0\n".getBytes(StandardCharsets.UTF_8))))
                .file("app/app.jar", jar(Map.of("BOOT-INF/lib/jackson-databind-2.13.0.jar", databind,
                        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Title: app\n"
                                .getBytes(StandardCharsets.UTF_8))))
                .file("app/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.20\",\"license\":\"MIT\"}")
                .file("app/node_modules/lodash/fp/package.json", "{\"name\":\"fp\",\"version\":\"0.0.1\"}")
                .file("app/node_modules/@babel/core/package.json",
                        "{\"name\":\"@babel/core\",\"version\":\"7.20.0\",\"licenses\":[{\"type\":\"MIT\"}]}")
                .file("usr/local/lib/python3.11/site-packages/requests-2.25.0.dist-info/METADATA",
                        "Metadata-Version: 2.1\nName: requests\nVersion: 2.25.0\n"
                                + "Classifier: License :: OSI Approved :: Apache Software License\n\nbody: here\n")
                .raw(executable("app/gobin", goBinary()), goBinary())
                .build();
    }

    static byte[] patch() {
        return new TarBuilder()
                .file("app/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.21\",\"license\":\"MIT\"}")
                .file("tmp/.wh.gone.jar", "")
                .build();
    }

    static org.apache.commons.compress.archivers.tar.TarArchiveEntry executable(String name, byte[] content) {
        var entry = TarBuilder.entry(name, org.apache.commons.compress.archivers.tar.TarConstants.LF_NORMAL);
        entry.setMode(0755);
        entry.setSize(content.length);
        return entry;
    }

    static byte[] pom(String group, String artifact, String version) {
        return ("groupId=" + group + "\nartifactId=" + artifact + "\nversion=" + version + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] jar(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : entries.keySet().stream().sorted().toList()) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(entries.get(name));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An ELF header, then Go 1.18+ build info: the magic at a 16-byte boundary, inline strings. */
    static byte[] goBinary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        out.writeBytes(new byte[24]);
        out.writeBytes(GoBuildInfoCataloger.MAGIC);
        out.write(8);
        out.write(2);
        out.writeBytes(new byte[16]);
        byte[] version = "go1.21.5".getBytes(StandardCharsets.UTF_8);
        byte[] sentinelStart = new byte[16];
        byte[] sentinelEnd = new byte[16];
        java.util.Arrays.fill(sentinelStart, (byte) '0');
        java.util.Arrays.fill(sentinelEnd, (byte) '1');
        byte[] modules = ("path\texample.com/app\nmod\texample.com/app\t(devel)\t\n"
                + "dep\tgolang.org/x/text\tv0.3.7\th1:abc=\n"
                + "dep\tgithub.com/old/mod\tv1.0.0\th1:def=\n=>\tgithub.com/new/mod\tv1.2.0\th1:ghi=\n")
                .getBytes(StandardCharsets.UTF_8);
        out.write(version.length);
        out.writeBytes(version);
        int length = sentinelStart.length + modules.length + sentinelEnd.length;
        out.write(length & 0x7f | 0x80);
        out.write(length >> 7);
        out.writeBytes(sentinelStart);
        out.writeBytes(modules);
        out.writeBytes(sentinelEnd);
        out.writeBytes(new byte[64]);
        return out.toByteArray();
    }
}
