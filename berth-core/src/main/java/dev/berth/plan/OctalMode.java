package dev.berth.plan;

/**
 * The {@code --chmod} of COPY and ADD: octal permission bits ({@code 755}, {@code 0644}, {@code 4755}). Checked
 * when the build is planned, and parsed by the engine with the same rule.
 */
public final class OctalMode {

    /** What to write instead. */
    public static final String HINT = "write the mode in octal, e.g. --chmod=0755";

    private OctalMode() {
    }

    public static boolean isOctal(String chmod) {
        return chmod.matches("[0-7]{1,4}");
    }

    /** The build's refusal of a mode that is not octal. */
    public static String refusal(String chmod) {
        return "invalid --chmod=" + chmod + ": only octal modes are supported";
    }

    /** The mode's bits; call only when {@link #isOctal} holds. */
    public static int bits(String chmod) {
        return Integer.parseInt(chmod, 8);
    }
}
