package dev.berth.sandbox;

import dev.berth.error.ExecutionException;
import dev.berth.runtime.UserSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a Dockerfile {@code USER} ({@code name}, {@code uid}, {@code uid:gid}, {@code name:group}) against
 * the image's {@code /etc/passwd} and {@code /etc/group}, as Docker does: a numeric user need not exist (its
 * group is then 0), a name must; a named user gets the groups that list it. The files are read through
 * {@link RootfsPaths}, so a symlinked {@code /etc/passwd} cannot make Berth read a host file.
 *
 * @param home the user's home directory from {@code /etc/passwd}, for {@code HOME}
 */
public record ImageUsers(UserSpec user, Optional<String> home) {

    public static ImageUsers resolve(Path rootfs, String spec) {
        String userPart = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        Optional<String> groupPart = spec.contains(":") ? Optional.of(spec.substring(spec.indexOf(':') + 1)) : Optional.empty();
        if (userPart.isEmpty()) {
            userPart = "0";
        }
        List<String[]> passwd = read(rootfs, "/etc/passwd");
        List<String[]> groups = read(rootfs, "/etc/group");
        Optional<String[]> entry = find(passwd, userPart);
        long uid;
        long gid = 0;
        Optional<String> home = Optional.empty();
        List<Long> additional = new ArrayList<>();
        if (entry.isPresent()) {
            uid = number(entry.get(), 2, spec);
            gid = number(entry.get(), 3, spec);
            home = entry.get().length > 5 ? Optional.of(entry.get()[5]) : Optional.empty();
            String name = entry.get()[0];
            for (String[] group : groups) {
                if (group.length > 3 && List.of(group[3].split(",")).contains(name)) {
                    additional.add(number(group, 2, spec));
                }
            }
        } else if (isNumber(userPart)) {
            uid = Long.parseLong(userPart);
        } else {
            throw new ExecutionException("RUN: unable to find user " + userPart + ": no matching entries in passwd file");
        }
        if (groupPart.isPresent()) {
            String group = groupPart.get();
            Optional<String[]> groupEntry = find(groups, group);
            if (groupEntry.isPresent()) {
                gid = number(groupEntry.get(), 2, spec);
            } else if (isNumber(group)) {
                gid = Long.parseLong(group);
            } else {
                throw new ExecutionException("RUN: unable to find group " + group + ": no matching entries in group file");
            }
            additional.clear();
        }
        return new ImageUsers(new UserSpec(uid, gid, additional.stream().distinct().toList()), home);
    }

    private static Optional<String[]> find(List<String[]> entries, String nameOrId) {
        for (String[] fields : entries) {
            if (fields[0].equals(nameOrId)) {
                return Optional.of(fields);
            }
        }
        if (isNumber(nameOrId)) {
            for (String[] fields : entries) {
                if (fields.length > 2 && fields[2].equals(nameOrId)) {
                    return Optional.of(fields);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String[]> read(Path rootfs, String file) {
        try {
            Path path = RootfsPaths.onHost(rootfs, RootfsPaths.resolve(rootfs, file));
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            List<String[]> entries = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(line.split(":", -1));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new ExecutionException("RUN: reading " + file + " of the image: " + e.getMessage(), e);
        }
    }

    private static long number(String[] fields, int index, String spec) {
        if (fields.length <= index || !isNumber(fields[index])) {
            throw new ExecutionException("RUN: resolving user " + spec + ": malformed entry " + String.join(":", fields));
        }
        return Long.parseLong(fields[index]);
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() < 11 && text.chars().allMatch(Character::isDigit);
    }
}
