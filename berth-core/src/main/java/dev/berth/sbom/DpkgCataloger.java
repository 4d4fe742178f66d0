package dev.berth.sbom;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian packages: {@code /var/lib/dpkg/status} and distroless's {@code /var/lib/dpkg/status.d/*}; licenses
 * from {@code /usr/share/doc/PKG/copyright} (following a {@code /usr/share/doc/PKG} symlink to the package whose
 * directory it shares); and which files dpkg owns, from {@code info/*.list} and {@code status.d/*.md5sums}, so a
 * scanner does not match Debian's python3 modules against PyPI nor the Go modules of Debian's Go binaries against Go.
 * Lists what {@code dpkg-query -W} lists: every package but those {@code not-installed} or left as
 * {@code config-files}.
 */
final class DpkgCataloger implements Cataloger {

    private static final String STATUS = "/var/lib/dpkg/status";
    private static final String STATUS_D = "/var/lib/dpkg/status.d/";
    private static final String INFO = "/var/lib/dpkg/info/";
    private static final String DOC = "/usr/share/doc/";

    private record Status(LayerFile file, byte[] bytes) {}

    private final List<Status> statuses = new ArrayList<>();
    private final Map<String, List<String>> copyrights = new HashMap<>();
    private final Map<String, String> docLinks = new HashMap<>();
    /** Installed path -> the Debian package that installed it. */
    private final Map<String, String> owned = new LinkedHashMap<>();

    @Override
    public boolean wants(LayerFile file) {
        String path = file.path();
        if (path.startsWith(DOC) && path.indexOf('/', DOC.length()) < 0) {
            return file.kind() == LayerFile.Kind.SYMLINK;
        }
        if (file.kind() != LayerFile.Kind.FILE && file.kind() != LayerFile.Kind.HARDLINK) {
            return false;
        }
        return path.equals(STATUS) || path.startsWith(STATUS_D) && path.indexOf('/', STATUS_D.length()) < 0
                || path.startsWith(INFO) && path.endsWith(".list")
                || path.startsWith(DOC) && path.endsWith("/copyright")
                        && path.indexOf('/', DOC.length()) == path.length() - "/copyright".length();
    }

    @Override
    public void read(LayerFile file, InputStream content) throws IOException {
        String path = file.path();
        if (file.kind() == LayerFile.Kind.SYMLINK) {
            String target = file.link();
            docLinks.put(file.name(), target.substring(target.lastIndexOf('/', target.length() - 2) + 1).replace("/", ""));
        } else if (path.endsWith("/copyright")) {
            String name = path.substring(DOC.length(), path.length() - "/copyright".length());
            copyrights.put(name, DebianLicenses.read(content.readAllBytes()));
        } else if (path.endsWith(".list") || path.endsWith(".md5sums")) {
            String name = file.name().substring(0, file.name().lastIndexOf('.'));
            String owner = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            for (String line : new String(content.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String listed = path.endsWith(".md5sums") ? "/" + line.substring(Math.min(line.length(), 34)).trim() : line;
                if (!listed.isBlank()) {
                    owned.put(listed, owner);
                }
            }
        } else {
            statuses.add(new Status(file, content.readAllBytes()));
        }
    }

    /**
     * Which Debian package owns each file it installed: every listed path is kept, since a Go binary proves its
     * modules by itself and nothing in a {@code .list} tells an executable from a directory.
     */
    Map<String, String> ownedFiles() {
        return Map.copyOf(owned);
    }

    @Override
    public List<FoundPackage> packages(Optional<Distro> distro) {
        List<FoundPackage> found = new ArrayList<>();
        for (Status status : statuses) {
            for (Map<String, List<String>> paragraph : ControlParagraphs.parse(status.bytes()).paragraphs()) {
                String name = ControlParagraphs.first(paragraph, "package");
                String state = ControlParagraphs.first(paragraph, "status");
                String version = ControlParagraphs.first(paragraph, "version");
                if (name.isEmpty() || version.isEmpty() || state.endsWith(" not-installed")
                        || state.endsWith(" config-files")) {
                    continue;
                }
                found.add(debian(paragraph, name, version, status.file(), distro));
            }
        }
        found.sort(Comparator.comparing(FoundPackage::name).thenComparing(FoundPackage::arch));
        return found;
    }

    private FoundPackage debian(Map<String, List<String>> paragraph, String name, String version, LayerFile file,
            Optional<Distro> distro) {
        String arch = ControlParagraphs.first(paragraph, "architecture");
        String source = ControlParagraphs.first(paragraph, "source");
        String sourceName = name;
        String sourceVersion = version;
        if (!source.isEmpty()) {
            int paren = source.indexOf('(');
            sourceName = (paren < 0 ? source : source.substring(0, paren)).trim();
            if (paren >= 0 && source.endsWith(")")) {
                sourceVersion = source.substring(paren + 1, source.length() - 1).trim();
            }
        }
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("arch", arch);
        qualifiers.put("distro", distro.map(Distro::qualifier).orElse(""));
        if (!source.isEmpty()) {
            qualifiers.put("upstream", sourceVersion.equals(version) ? sourceName : sourceName + "@" + sourceVersion);
        }
        String vendor = distro.map(Distro::vendor).orElse("debian");
        String purl = PackageUrl.of("deb", vendor, name.toLowerCase(java.util.Locale.ROOT), version, qualifiers);
        return new FoundPackage(FoundPackage.Ecosystem.DPKG, name, version, sourceName, sourceVersion, arch, purl,
                licenses(name), file.layer(), file.path(), Optional.empty());
    }

    private List<String> licenses(String name) {
        List<String> own = copyrights.get(name);
        if (own != null) {
            return own;
        }
        String linked = docLinks.get(name);
        return linked == null ? List.of() : copyrights.getOrDefault(linked, List.of());
    }
}
