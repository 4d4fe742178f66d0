package dev.berth.engine.copy;

import dev.berth.engine.rootfs.RootfsFileReader;
import dev.berth.error.StepInputException;
import dev.berth.image.LayerRef;
import dev.berth.plan.FileOwner;
import java.util.List;
import java.util.Optional;

/**
 * The uid and gid of {@code --chown=user[:group]}: numbers as given, names looked up in the image's
 * {@code /etc/passwd} and {@code /etc/group} (read by {@link RootfsFileReader}). A user given without a
 * group takes the user's primary group, or the same number when given as a number.
 */
public record Ownership(long uid, long gid) {

    public static final Ownership ROOT = new Ownership(0, 0);

    public static Ownership resolve(FileOwner owner, RootfsFileReader reader, List<LayerRef> layers) {
        String user = owner.user();
        Optional<String> group = owner.group();
        if (user.isEmpty()) {
            throw new StepInputException("invalid --chown=" + owner.text() + ": no user");
        }
        long uid;
        long primaryGid;
        if (isNumber(user)) {
            uid = Long.parseLong(user);
            primaryGid = uid;
        } else {
            String[] fields = lookup(reader, layers, "/etc/passwd", user, "user");
            uid = number(fields, 2, "/etc/passwd");
            primaryGid = number(fields, 3, "/etc/passwd");
        }
        long gid = group.filter(name -> !name.isEmpty())
                .map(name -> isNumber(name) ? Long.parseLong(name)
                        : number(lookup(reader, layers, "/etc/group", name, "group"), 2, "/etc/group"))
                .orElse(primaryGid);
        return new Ownership(uid, gid);
    }

    private static String[] lookup(RootfsFileReader reader, List<LayerRef> layers, String file, String name, String what) {
        String text = reader.read(layers, file).map(RootfsFileReader::text)
                .orElseThrow(() -> new StepInputException("unable to find " + what + " " + name + ": no " + file
                        + " in the image", Optional.of("use a numeric id, or add " + file + " first")));
        return text.lines().map(line -> line.split(":", -1))
                .filter(fields -> fields.length >= 3 && fields[0].equals(name))
                .findFirst()
                .orElseThrow(() -> new StepInputException("unable to find " + what + " " + name + " in " + file));
    }

    private static long number(String[] fields, int index, String file) {
        if (fields.length <= index || !isNumber(fields[index])) {
            throw new StepInputException("malformed entry for " + fields[0] + " in " + file);
        }
        return Long.parseLong(fields[index]);
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() < 11 && text.chars().allMatch(Character::isDigit);
    }
}
