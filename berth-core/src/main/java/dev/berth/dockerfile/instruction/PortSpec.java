package dev.berth.dockerfile.instruction;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** EXPOSE's {@code PORT[-END][/PROTO]}: ports 1 to 65535, protocols tcp, udp and sctp. */
public final class PortSpec {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

    private PortSpec() {}

    /** Why {@code spec} is not a valid exposed port, or empty when it is. */
    public static Optional<String> problem(String spec) {
        int slash = spec.indexOf('/');
        String ports = slash < 0 ? spec : spec.substring(0, slash);
        if (slash >= 0 && !PROTOCOLS.contains(spec.substring(slash + 1).toLowerCase(Locale.ROOT))) {
            return Optional.of("invalid proto: " + spec.substring(slash + 1));
        }
        int dash = ports.indexOf('-');
        String first = dash < 0 ? ports : ports.substring(0, dash);
        Optional<Integer> start = port(first);
        if (start.isEmpty()) {
            return Optional.of("invalid containerPort: " + ports);
        }
        if (dash >= 0) {
            Optional<Integer> end = port(ports.substring(dash + 1));
            if (end.isEmpty() || end.get() < start.get()) {
                return Optional.of("invalid range format for --expose: " + ports);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }
}
