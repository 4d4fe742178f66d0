package dev.berth.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * The owner of {@code --chown=user[:group]} (or of a USER) as written: names or numbers, looked up in the
 * image's {@code /etc/passwd} and {@code /etc/group} only when the step runs, since only then is the image's
 * file system known. {@code group} is present, possibly empty, when the text has a colon.
 */
public record FileOwner(String user, Optional<String> group) {

    public FileOwner {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
    }

    /** Splits at the first colon, as Docker does: {@code app}, {@code 1000:1000}, {@code app:}. */
    public static FileOwner parse(String chown) {
        int colon = chown.indexOf(':');
        return colon < 0 ? new FileOwner(chown, Optional.empty())
                : new FileOwner(chown.substring(0, colon), Optional.of(chown.substring(colon + 1)));
    }

    /** The owner as written, as history and messages show it: {@code parse(text).text()} gives it back. */
    public String text() {
        return user + group.map(name -> ":" + name).orElse("");
    }
}
