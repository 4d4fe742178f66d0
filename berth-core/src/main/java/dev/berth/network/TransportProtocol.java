package dev.berth.network;

import java.util.Locale;
import java.util.Optional;

/** The protocols a port can be published for, with the names {@code -p 53/udp} and netavark use. */
public enum TransportProtocol {
    TCP,
    UDP,
    SCTP;

    /** The protocol {@code name} names, in any case, as Docker compares them. */
    public static Optional<TransportProtocol> named(String name) {
        for (TransportProtocol protocol : values()) {
            if (protocol.specName().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }

    /** {@code tcp}, {@code udp} or {@code sctp}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
