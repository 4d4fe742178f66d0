package dev.berth.volume;

import dev.berth.error.ExecutionException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Docker's rules for local volume names ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}) and its anonymous names. */
public final class VolumeNames {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private VolumeNames() {
    }

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /**
     * The name, or Docker's error for it.
     *
     * @throws ExecutionException with Docker's texts: too short, or invalid characters
     */
    public static String checked(String name) {
        if (name.length() < 2 && (name.isEmpty() || Character.isLetterOrDigit(name.charAt(0)))) {
            throw new ExecutionException("create " + name
                    + ": volume name is too short, names should be at least two alphanumeric characters");
        }
        if (!isValid(name)) {
            throw new ExecutionException(("create %s: \"%s\" includes invalid characters for a local volume name, "
                    + "only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use "
                    + "absolute path").formatted(name, name));
        }
        return name;
    }

    /** A new anonymous volume's name: 64 random hex digits, as Docker's. */
    public static String anonymous() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
