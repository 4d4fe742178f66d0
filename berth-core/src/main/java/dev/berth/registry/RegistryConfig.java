package dev.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.error.TransferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Berth's registry configuration, read from {@code registries.json} in Berth's configuration directory
 * ({@code $BERTH_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/berth}, else {@code ~/.config/berth}): the members of
 * Docker's {@code daemon.json} that concern registries, with the same names, so one can be copied from the other.
 *
 * <pre>{"insecure-registries": ["registry.lan:5000"], "registry-mirrors": ["https://mirror.lan"]}</pre>
 *
 * A missing file is an empty configuration. A registry's TLS files are in {@code certs.d/HOST[:PORT]/} of the first
 * of {@code certsDirectories} that has that directory: Berth's own ({@code certs.d} in the configuration directory),
 * then Docker's {@code /etc/docker/certs.d} (injected so tests choose another), as Podman picks the first of its
 * {@code certs.d} directories that names the registry.
 *
 * @param file where it was read from (whether or not it exists)
 * @param insecure hosts ({@code host[:port]}) reached over plain HTTP
 * @param mirrors Docker Hub mirrors ({@code https://host[:port]}, or {@code http://} for a plain one), tried in order
 *     before Docker Hub by pulls of {@code docker.io} images
 */
public record RegistryConfig(Path file, List<String> insecure, List<String> mirrors, List<Path> certsDirectories) {

    public static final String FILE_NAME = "registries.json";
    public static final Path DOCKER_CERTS_DIRECTORY = Path.of("/etc/docker/certs.d");
    /** The name of Berth's own certificates directory in its configuration directory. */
    public static final String CERTS_DIRECTORY = "certs.d";

    public RegistryConfig {
        insecure = insecure.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
        mirrors = List.copyOf(mirrors);
        certsDirectories = List.copyOf(certsDirectories);
    }

    /** Berth's configuration directory for this environment ({@code HOME}, {@code XDG_CONFIG_HOME}, {@code BERTH_CONFIG_DIR}). */
    public static Path configDirectory(Map<String, String> environment) {
        Optional<String> explicit = nonEmpty(environment.get("BERTH_CONFIG_DIR"));
        if (explicit.isPresent()) {
            return Path.of(explicit.get());
        }
        return nonEmpty(environment.get("XDG_CONFIG_HOME")).map(Path::of)
                .orElseGet(() -> home(environment).resolve(".config")).resolve("berth");
    }

    static Path home(Map<String, String> environment) {
        return Path.of(nonEmpty(environment.get("HOME")).orElse("/root"));
    }

    static Optional<String> nonEmpty(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    /**
     * Reads the file for this environment; a missing file gives the empty configuration. TLS files are looked for in
     * the configuration directory's {@code certs.d}, then in {@code dockerCertsDirectory}.
     */
    public static RegistryConfig load(Map<String, String> environment, Path dockerCertsDirectory) {
        Path directory = configDirectory(environment);
        return read(directory.resolve(FILE_NAME), List.of(directory.resolve(CERTS_DIRECTORY), dockerCertsDirectory));
    }

    static RegistryConfig read(Path file, List<Path> certsDirectories) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new TransferException("registry configuration " + file + " is not a JSON object");
            }
            List<String> mirrors = strings(root, "registry-mirrors", file).stream()
                    .map(mirror -> mirror.matches("^https?://.*") ? mirror : "https://" + mirror).toList();
            return new RegistryConfig(file, strings(root, "insecure-registries", file).stream()
                    .map(RegistryConfig::stripScheme).toList(), mirrors, certsDirectories);
        } catch (NoSuchFileException missing) {
            return new RegistryConfig(file, List.of(), List.of(), certsDirectories);
        } catch (IOException e) {
            throw new TransferException("reading registry configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode root, String member, Path file) {
        JsonNode node = root.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new TransferException("registry configuration " + file + ": " + member + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(item.asText().replaceFirst("/+$", "")));
        return values;
    }

    private static String stripScheme(String text) {
        return text.replaceFirst("^https?://", "").replaceFirst("/+$", "");
    }

    /** The registry's {@code certs.d/DOMAIN/} directory, from the first certificates directory that has one. */
    Optional<Path> certificates(String domain) {
        String name = domain.replace("[", "").replace("]", "");
        return certsDirectories.stream().map(directory -> directory.resolve(name)).filter(Files::isDirectory).findFirst();
    }

    /** True when a {@code certs.d/DOMAIN/} exists: the registry's own CA or client certificate is configured. */
    boolean hasCertificates(String domain) {
        return certificates(domain).isPresent();
    }

    boolean isInsecure(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return insecure.contains(lower) || insecure.contains(RegistryEndpoint.hostOf(lower));
    }
}
