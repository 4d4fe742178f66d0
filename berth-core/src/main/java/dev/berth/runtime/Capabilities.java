package dev.berth.runtime;

import java.util.List;

/**
 * The process's Linux capability sets, each a list of names like {@code CAP_CHOWN}.
 *
 * @param bounding    the bounding set
 * @param effective   the effective set
 * @param permitted   the permitted set
 * @param inheritable the inheritable set (Docker leaves it empty since 20.10.14, CVE-2022-24769)
 * @param ambient     the ambient set
 */
public record Capabilities(List<String> bounding, List<String> effective, List<String> permitted,
                           List<String> inheritable, List<String> ambient) {

    public Capabilities {
        bounding = checked(bounding);
        effective = checked(effective);
        permitted = checked(permitted);
        inheritable = checked(inheritable);
        ambient = checked(ambient);
    }

    /** The sets Docker gives a container: {@code granted} as bounding, effective and permitted; no others. */
    public static Capabilities dockerStyle(List<String> granted) {
        return new Capabilities(granted, granted, granted, List.of(), List.of());
    }

    private static List<String> checked(List<String> names) {
        for (String name : names) {
            if (!name.matches("CAP_[A-Z_]+")) {
                throw new IllegalArgumentException("not a capability name: " + name);
            }
        }
        return List.copyOf(names);
    }
}
