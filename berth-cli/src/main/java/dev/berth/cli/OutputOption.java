package dev.berth.cli;

import dev.berth.error.UnsupportedFeatureException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --output type=image|local,dest=DIR}: where the result goes besides the store. */
final class OutputOption {

    private OutputOption() {
    }

    /** The local destination directory, or empty for {@code type=image} (and no option). */
    static Optional<Path> parse(String option) {
        if (option == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : option.split(",")) {
            int equals = field.indexOf('=');
            fields.put(equals < 0 ? "type" : field.substring(0, equals).strip(), equals < 0 ? field : field.substring(equals + 1).strip());
        }
        String type = fields.getOrDefault("type", "local");
        return switch (type) {
            case "image" -> Optional.empty();
            case "local" -> Optional.of(Path.of(Optional.ofNullable(fields.get("dest")).orElseThrow(
                    () -> new UnsupportedFeatureException("--output type=local needs dest=DIR"))));
            case "oci", "docker", "tar" -> throw new UnsupportedFeatureException("--output type=" + type
                    + " is not supported yet: build with -t, then `berth save` the image");
            default -> throw new UnsupportedFeatureException("unknown --output type " + type
                    + "; supported: image, local");
        };
    }
}
