package dev.berth.compose.load;

import dev.berth.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which files make the project, as Docker Compose picks them: {@code -f} files, else {@code COMPOSE_FILE}
 * (split on {@code COMPOSE_PATH_SEPARATOR}, default {@code :}), else the first directory upward from the working
 * directory holding {@code compose.yaml}, {@code compose.yml}, {@code docker-compose.yml} or
 * {@code docker-compose.yaml} (in that order of preference) and then its override file, if any.
 */
public final class ComposeFileLocator {

    static final List<String> NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
            "docker-compose.yaml");
    static final List<String> OVERRIDE_NAMES = List.of("compose.override.yaml", "compose.override.yml",
            "docker-compose.override.yml", "docker-compose.override.yaml");

    /** The files in merge order, absolute, and the warnings Compose would print about them. */
    public record Located(List<Path> files, List<String> warnings) {
        public Located {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }

    private ComposeFileLocator() {
    }

    public static Located locate(Path workingDirectory, List<Path> explicit, Map<String, String> environment) {
        Path base = workingDirectory.toAbsolutePath().normalize();
        if (!explicit.isEmpty()) {
            return new Located(explicit.stream().map(file -> existing(base.resolve(file).normalize(), file)).toList(),
                    List.of());
        }
        String fromEnvironment = environment.getOrDefault("COMPOSE_FILE", "");
        if (!fromEnvironment.isEmpty()) {
            String separator = environment.getOrDefault("COMPOSE_PATH_SEPARATOR", ":");
            return new Located(Arrays.stream(fromEnvironment.split(java.util.regex.Pattern.quote(separator)))
                    .filter(name -> !name.isEmpty())
                    .map(name -> existing(base.resolve(name).normalize(), Path.of(name))).toList(), List.of());
        }
        for (Path directory = base; directory != null; directory = directory.getParent()) {
            List<Path> found = present(directory, NAMES);
            if (found.isEmpty()) {
                continue;
            }
            List<String> warnings = new ArrayList<>();
            if (found.size() > 1) {
                warnings.add("Found multiple config files with supported names: " + String.join(", ",
                        found.stream().map(Path::toString).toList()) + "\nUsing " + found.getFirst());
            }
            List<Path> files = new ArrayList<>(List.of(found.getFirst()));
            present(directory, OVERRIDE_NAMES).stream().findFirst().ifPresent(files::add);
            return new Located(files, warnings);
        }
        throw new NotFoundException("no configuration file provided: not found");
    }

    private static List<Path> present(Path directory, List<String> names) {
        return names.stream().map(directory::resolve).filter(Files::isRegularFile).toList();
    }

    private static Path existing(Path file, Path asGiven) {
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("open " + file + ": no such file or directory");
        }
        return file;
    }

    /** The project name from a directory's name: lower case, only the characters Compose allows. */
    public static String normalizedName(String raw) {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : lower.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            }
        }
        int start = 0;
        while (start < out.length() && (out.charAt(start) == '_' || out.charAt(start) == '-')) {
            start++;
        }
        return out.substring(start);
    }

    /** Whether a name given with {@code -p} or {@code COMPOSE_PROJECT_NAME} is one Compose accepts as it is. */
    public static boolean validName(String name) {
        return !name.isEmpty() && normalizedName(name).equals(name);
    }

    static Optional<String> firstNonEmpty(String... candidates) {
        return Arrays.stream(candidates).filter(c -> c != null && !c.isEmpty()).findFirst();
    }
}
