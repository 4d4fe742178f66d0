package dev.berth.runtime;

import java.util.List;

/**
 * The numeric identity the process runs as; names were resolved against the image's {@code /etc/passwd} before.
 *
 * @param uid            user ID
 * @param gid            primary group ID
 * @param additionalGids supplementary groups
 */
public record UserSpec(long uid, long gid, List<Long> additionalGids) {

    private static final long MAX_ID = 0xFFFF_FFFFL;

    public UserSpec {
        additionalGids = List.copyOf(additionalGids);
        checkId("uid", uid);
        checkId("gid", gid);
        additionalGids.forEach(id -> checkId("additional gid", id));
    }

    /** root:root with no supplementary groups. */
    public static UserSpec root() {
        return new UserSpec(0, 0, List.of());
    }

    private static void checkId(String what, long id) {
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException(what + " must be in 0.." + MAX_ID + ": " + id);
        }
    }
}
