package dev.berth.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A devices-cgroup rule ({@code linux.resources.devices}): allow or deny access to devices of a type and number.
 *
 * @param allow  allow or deny
 * @param type   {@code c} (character), {@code b} (block), or empty for all
 * @param major  major number, or empty for all
 * @param minor  minor number, or empty for all
 * @param access some of {@code r}, {@code w}, {@code m}
 */
public record DeviceRule(boolean allow, Optional<String> type, Optional<Long> major, Optional<Long> minor,
                         String access) {

    public DeviceRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(minor, "minor");
        Objects.requireNonNull(access, "access");
        if (!access.matches("[rwm]{1,3}")) {
            throw new IllegalArgumentException("device access is some of r, w, m: " + access);
        }
        type.ifPresent(t -> {
            if (!t.equals("c") && !t.equals("b") && !t.equals("a")) {
                throw new IllegalArgumentException("device type is c, b or a: " + t);
            }
        });
    }

    /** Deny everything: the first rule, which the allow rules after it open up. */
    public static DeviceRule denyAll() {
        return new DeviceRule(false, Optional.empty(), Optional.empty(), Optional.empty(), "rwm");
    }

    /** A rule for one character device. */
    public static DeviceRule character(boolean allow, long major, long minor) {
        return new DeviceRule(allow, Optional.of("c"), Optional.of(major), Optional.of(minor), "rwm");
    }

    /** Allow everything: {@code --privileged}'s only rule. */
    public static DeviceRule allowAll() {
        return new DeviceRule(true, Optional.empty(), Optional.empty(), Optional.empty(), "rwm");
    }
}
