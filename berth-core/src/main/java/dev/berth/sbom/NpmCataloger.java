package dev.berth.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * npm packages: the {@code package.json} of each directory right under a {@code node_modules} (or a scope in it,
 * {@code node_modules/@scope/name}); a {@code package.json} deeper in a package is its own business, not a package.
 * Licenses from {@code license} (a string or the old {@code {type}} object) or the older {@code licenses} array.
 */
final class NpmCataloger implements Cataloger {

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<FoundPackage> found = new ArrayList<>();

    @Override
    public boolean wants(LayerFile file) {
        return (file.kind() == LayerFile.Kind.FILE || file.kind() == LayerFile.Kind.HARDLINK)
                && file.size() < (16 << 20) && packageJson(file.path());
    }

    static boolean packageJson(String path) {
        if (!path.endsWith("/package.json")) {
            return false;
        }
        String[] parts = path.split("/");
        int n = parts.length;
        return n >= 4 && (parts[n - 3].equals("node_modules")
                || n >= 5 && parts[n - 4].equals("node_modules") && parts[n - 3].startsWith("@"));
    }

    @Override
    public void read(LayerFile file, InputStream content) throws IOException {
        JsonNode json;
        try {
            json = mapper.readTree(content.readAllBytes());
        } catch (IOException e) {
            return;
        }
        String name = json.path("name").asText("");
        String version = json.path("version").asText("");
        if (name.isEmpty() || version.isEmpty()) {
            return;
        }
        String namespace = name.startsWith("@") && name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
        String bare = namespace.isEmpty() ? name : name.substring(namespace.length() + 1);
        String purl = PackageUrl.of("npm", namespace, bare, version, Map.of());
        found.add(new FoundPackage(FoundPackage.Ecosystem.NPM, name, version, name, version, "", purl,
                licenses(json), file.layer(), file.path(), Optional.empty()));
    }

    private static List<String> licenses(JsonNode json) {
        JsonNode license = json.path("license");
        if (license.isTextual()) {
            return List.of(license.asText());
        }
        if (license.path("type").isTextual()) {
            return List.of(license.path("type").asText());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : json.path("licenses")) {
            String type = entry.isTextual() ? entry.asText() : entry.path("type").asText("");
            if (!type.isEmpty()) {
                ids.add(type);
            }
        }
        return ids;
    }

    @Override
    public List<FoundPackage> packages(Optional<Distro> distro) {
        return found.stream().sorted(Comparator.comparing(FoundPackage::path)).toList();
    }
}
