package dev.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.TransferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials where Docker and Podman keep them, read in this order: Docker's {@code config.json}
 * ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}): {@code credHelpers[REGISTRY]}, then
 * {@code credsStore}, then {@code auths}; then the containers tools' {@code auth.json} ({@code $REGISTRY_AUTH_FILE},
 * else {@code $XDG_RUNTIME_DIR/containers/auth.json}). {@code berth login} writes where Docker would: the helper
 * if one is configured for the registry, else {@code auths} in {@code config.json} (mode 0600). Everything comes from
 * the injected environment, never the process's own.
 */
public final class CredentialStore {

    /** The key Docker files Docker Hub's credentials under. */
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

    private final Map<String, String> environment;
    private final ObjectMapper mapper = new ObjectMapper();

    public CredentialStore(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Path dockerConfigFile() {
        return RegistryConfig.nonEmpty(environment.get("DOCKER_CONFIG")).map(Path::of)
                .orElseGet(() -> RegistryConfig.home(environment).resolve(".docker")).resolve("config.json");
    }

    public Optional<Path> containersAuthFile() {
        return RegistryConfig.nonEmpty(environment.get("REGISTRY_AUTH_FILE")).map(Path::of)
                .or(() -> RegistryConfig.nonEmpty(environment.get("XDG_RUNTIME_DIR"))
                        .map(dir -> Path.of(dir, "containers", "auth.json")));
    }

    /** The credentials for a registry domain ({@code docker.io}, {@code host:port}), empty for anonymous access. */
    public Optional<RegistryCredentials> find(String domain) {
        String registry = RegistryEndpoint.canonicalDomain(domain);
        Optional<JsonNode> docker = readJson(dockerConfigFile());
        if (docker.isPresent()) {
            Optional<CredentialHelper> helper = helperFor(docker.get(), registry);
            if (helper.isPresent()) {
                Optional<RegistryCredentials> found = helper.get().get(serverUrl(registry));
                if (found.isPresent() || docker.get().path("credHelpers").has(registry)) {
                    return found;
                }
            }
            Optional<RegistryCredentials> inline = fromAuths(docker.get(), registry, dockerConfigFile());
            if (inline.isPresent()) {
                return inline;
            }
        }
        return containersAuthFile().flatMap(file -> readJson(file).flatMap(root -> fromAuths(root, registry, file)));
    }

    /** Stores credentials for {@code domain} as {@code docker login} does; returns where they went. */
    public String save(String domain, RegistryCredentials credentials) {
        String registry = RegistryEndpoint.canonicalDomain(domain);
        Path file = dockerConfigFile();
        ObjectNode root = readJson(file).filter(JsonNode::isObject).map(ObjectNode.class::cast)
                .orElseGet(mapper::createObjectNode);
        Optional<CredentialHelper> helper = helperFor(root, registry);
        if (helper.isPresent()) {
            helper.get().store(serverUrl(registry), credentials);
            return "credential helper " + helper.get().executableName();
        }
        ObjectNode auths = root.has("auths") && root.get("auths").isObject() ? (ObjectNode) root.get("auths")
                : root.putObject("auths");
        removeMatching(auths, registry);
        auths.putObject(serverUrl(registry)).put("auth", credentials.authField());
        write(file, root);
        return file.toString();
    }

    /** Removes the credentials for {@code domain}; false when there were none. */
    public boolean remove(String domain) {
        String registry = RegistryEndpoint.canonicalDomain(domain);
        boolean removed = false;
        Path file = dockerConfigFile();
        Optional<JsonNode> docker = readJson(file);
        if (docker.isPresent() && docker.get() instanceof ObjectNode root) {
            Optional<CredentialHelper> helper = helperFor(root, registry);
            if (helper.isPresent() && helper.get().get(serverUrl(registry)).isPresent()) {
                helper.get().erase(serverUrl(registry));
                removed = true;
            }
            if (root.get("auths") instanceof ObjectNode auths && removeMatching(auths, registry)) {
                write(file, root);
                removed = true;
            }
        }
        Optional<Path> auth = containersAuthFile();
        if (auth.isPresent() && readJson(auth.get()).orElse(null) instanceof ObjectNode root
                && root.get("auths") instanceof ObjectNode auths && removeMatching(auths, registry)) {
            write(auth.get(), root);
            removed = true;
        }
        return removed;
    }

    /** What Docker passes a helper and files {@code auths} under: Docker Hub's v1 URL, else the domain. */
    static String serverUrl(String registry) {
        return registry.equals(RegistryEndpoint.DOCKER_HUB) ? DOCKER_HUB_KEY : registry;
    }

    /** The registry an {@code auths} key names: scheme and path dropped, Docker Hub's aliases folded. */
    static String keyDomain(String key) {
        String rest = key.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = rest.indexOf('/');
        return RegistryEndpoint.canonicalDomain(slash < 0 ? rest : rest.substring(0, slash));
    }

    private Optional<CredentialHelper> helperFor(JsonNode root, String registry) {
        JsonNode named = root.path("credHelpers").path(registry);
        if (registry.equals(RegistryEndpoint.DOCKER_HUB) && named.isMissingNode()) {
            named = root.path("credHelpers").path(DOCKER_HUB_KEY);
        }
        String name = named.isTextual() ? named.asText() : root.path("credsStore").asText("");
        return name.isEmpty() ? Optional.empty() : Optional.of(new CredentialHelper(name, environment));
    }

    private Optional<RegistryCredentials> fromAuths(JsonNode root, String registry, Path file) {
        JsonNode auths = root.path("auths");
        Iterator<Map.Entry<String, JsonNode>> entries = auths.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!keyDomain(entry.getKey()).equals(registry)) {
                continue;
            }
            JsonNode value = entry.getValue();
            String identityToken = value.path("identitytoken").asText("");
            if (!identityToken.isEmpty()) {
                return Optional.of(new RegistryCredentials(RegistryCredentials.IDENTITY_TOKEN_USER, identityToken));
            }
            String auth = value.path("auth").asText("");
            if (!auth.isEmpty()) {
                try {
                    return Optional.of(RegistryCredentials.fromAuthField(auth, file + " (" + entry.getKey() + ")"));
                } catch (IllegalArgumentException e) {
                    throw new TransferException(e.getMessage());
                }
            }
            String username = value.path("username").asText("");
            String password = value.path("password").asText("");
            if (!username.isEmpty() && !password.isEmpty()) {
                return Optional.of(new RegistryCredentials(username, password));
            }
        }
        return Optional.empty();
    }

    private static boolean removeMatching(ObjectNode auths, String registry) {
        List<String> keys = new ArrayList<>();
        auths.fieldNames().forEachRemaining(key -> {
            if (keyDomain(key).equals(registry)) {
                keys.add(key);
            }
        });
        keys.forEach(auths::remove);
        return !keys.isEmpty();
    }

    private Optional<JsonNode> readJson(Path file) {
        try {
            return Optional.ofNullable(mapper.readTree(Files.readString(file)));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TransferException("reading credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes beside the file and renames it over, so a reader never sees half a file; 0600: it holds secrets. */
    private void write(Path file, JsonNode root) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".berth-tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TransferException("writing credentials file " + file + ": " + e.getMessage(), e);
        }
    }
}
