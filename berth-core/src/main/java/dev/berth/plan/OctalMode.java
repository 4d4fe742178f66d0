package dev.berth.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code --chmod} of COPY and ADD: octal permission bits ({@code 755}, {@code 0644}, {@code 4755}), with the
 * digits as written, which BuildKit's history shows ({@code COPY --chmod=0755 ...}). Other modes are refused when
 * the build is planned.
 */
public record OctalMode(int bits, String written) {

    /** What to write instead. */
    public static final String HINT = "write the mode in octal, e.g. --chmod=0755";

    public OctalMode {
        Objects.requireNonNull(written, "written");
        if (!isOctal(written) || Integer.parseInt(written, 8) != bits) {
            throw new IllegalArgumentException("not the octal mode " + written + ": " + bits);
        }
    }

    /** The mode {@code chmod} writes, or empty when it is not octal. */
    public static Optional<OctalMode> parse(String chmod) {
        return isOctal(chmod) ? Optional.of(new OctalMode(Integer.parseInt(chmod, 8), chmod)) : Optional.empty();
    }

    public static boolean isOctal(String chmod) {
        return chmod.matches("[0-7]{1,4}");
    }

    /** The build's refusal of a mode that is not octal. */
    public static String refusal(String chmod) {
        return "invalid --chmod=" + chmod + ": only octal modes are supported";
    }
}
