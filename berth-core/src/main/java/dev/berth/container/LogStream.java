package dev.berth.container;

/** The container's stream a log line came from, as conmon's k8s-file log names it. */
public enum LogStream {
    STDOUT("stdout"),
    STDERR("stderr");

    private final String label;

    LogStream(String label) {
        this.label = label;
    }

    /** {@code stdout} or {@code stderr}. */
    public String label() {
        return label;
    }

    /** The stream labelled {@code label}; empty for anything else. */
    static java.util.Optional<LogStream> of(String label) {
        for (LogStream stream : values()) {
            if (stream.label.equals(label)) {
                return java.util.Optional.of(stream);
            }
        }
        return java.util.Optional.empty();
    }
}
