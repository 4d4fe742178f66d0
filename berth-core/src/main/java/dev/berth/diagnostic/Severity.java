package dev.berth.diagnostic;

/** How much a {@link Diagnostic} matters: errors stop a build, warnings do not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word printed before a message, as compilers do. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
