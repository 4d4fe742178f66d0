package dev.berth.api;

import dev.berth.image.ImageReference;
import dev.berth.image.InvalidReferenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names an image is stored under, split as Docker's reference store splits them: tags
 * ({@code docker.io/library/busybox:latest}) and repo digests ({@code docker.io/library/busybox@sha256:…}, which a
 * pull or a push records). Gives the rules of Docker's {@code rmi} and listings that depend on the split.
 *
 * @param names the full stored names, in index order
 */
record ImageNames(List<String> names) {

    ImageNames {
        names = List.copyOf(names);
    }

    static boolean isDigest(String name) {
        return name.indexOf('@') >= 0;
    }

    /** As Docker prints a name: {@code busybox:latest}, {@code busybox@sha256:…}. */
    static String familiar(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            return FamiliarName.of(name).text();
        }
        return FamiliarName.of(name.substring(0, at)).repository() + name.substring(at);
    }

    List<String> tags() {
        return names.stream().filter(name -> !isDigest(name)).toList();
    }

    List<String> digests() {
        return names.stream().filter(ImageNames::isDigest).toList();
    }

    /**
     * The repository a stored name belongs to ({@code docker.io/library/busybox}); a name another tool wrote that
     * is no reference loses what follows its tag's colon or its {@code @}.
     */
    static String repository(String name) {
        try {
            return ImageReference.parse(name).name();
        } catch (InvalidReferenceException notAReference) {
            int at = name.indexOf('@');
            String rest = at < 0 ? name : name.substring(0, at);
            int colon = rest.lastIndexOf(':');
            return colon > rest.lastIndexOf('/') ? rest.substring(0, colon) : rest;
        }
    }

    /**
     * Docker's {@code isSingleReference}: every name is of one repository and at most one is a tag. An image so
     * named is removed by its ID without {@code --force}.
     */
    boolean isSingleReference() {
        if (names.size() <= 1) {
            return names.size() == 1;
        }
        return tags().size() <= 1 && names.stream().map(ImageNames::repository).distinct().count() == 1;
    }

    /**
     * What {@code rmi NAME} untags: the name, and when it is a tag that leaves its repository without tags, that
     * repository's digests too (Docker cleans them up with the last tag, so the image does not linger as
     * {@code REPO <none>}).
     */
    List<String> untaggedBy(String name) {
        List<String> untagged = new ArrayList<>(List.of(name));
        if (isDigest(name)) {
            return untagged;
        }
        String repository = repository(name);
        boolean otherTag = tags().stream().anyMatch(tag -> !tag.equals(name) && repository(tag).equals(repository));
        if (!otherTag) {
            digests().stream().filter(digest -> repository(digest).equals(repository)).forEach(untagged::add);
        }
        return untagged;
    }

    /** Each repository with the names of it, tags and digests, in the order the repositories first appear. */
    Map<String, Set<String>> byRepository() {
        Map<String, Set<String>> grouped = new LinkedHashMap<>();
        for (String name : names) {
            grouped.computeIfAbsent(repository(name), repository -> new LinkedHashSet<>()).add(name);
        }
        return grouped;
    }
}
