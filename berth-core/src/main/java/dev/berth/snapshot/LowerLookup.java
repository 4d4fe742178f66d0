package dev.berth.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Answers what a path is in the merged view of overlay lower directories without mounting them: the
 * topmost lower that has the path decides, a whiteout hides it. Every component is looked up without
 * following symlinks, so a symlink in an image never leads the lookup out of its layer.
 */
record LowerLookup(List<Path> lowers) implements InitLayer.ImageLookup {

    LowerLookup {
        lowers = List.copyOf(lowers);
    }

    @Override
    public Optional<InitLayer.Kind> kind(String relativePath) throws IOException {
        return topmost(relativePath).map(LowerLookup::kindOf);
    }

    @Override
    public Optional<Path> directory(String relativePath) throws IOException {
        for (Path lower : lowers) {
            Optional<BasicFileAttributes> attributes = lstatInside(lower, relativePath);
            if (attributes.isPresent()) {
                return attributes.get().isDirectory() ? Optional.of(lower.resolve(relativePath)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> linkTarget(String relativePath) throws IOException {
        for (Path lower : lowers) {
            Optional<BasicFileAttributes> attributes = lstatInside(lower, relativePath);
            if (attributes.isPresent()) {
                return attributes.get().isSymbolicLink()
                        ? Optional.of(Files.readSymbolicLink(lower.resolve(relativePath)).toString()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<BasicFileAttributes> topmost(String relativePath) throws IOException {
        for (Path lower : lowers) {
            Optional<BasicFileAttributes> attributes = lstatInside(lower, relativePath);
            if (attributes.isPresent()) {
                return isWhiteout(lower.resolve(relativePath), attributes.get()) ? Optional.empty() : attributes;
            }
        }
        return Optional.empty();
    }

    private static InitLayer.Kind kindOf(BasicFileAttributes attributes) {
        return attributes.isDirectory() ? InitLayer.Kind.DIRECTORY
                : attributes.isSymbolicLink() ? InitLayer.Kind.SYMLINK : InitLayer.Kind.OTHER;
    }

    private static boolean isWhiteout(Path path, BasicFileAttributes attributes) throws IOException {
        return attributes.isOther() && ((Long) Files.getAttribute(path, "unix:rdev", LinkOption.NOFOLLOW_LINKS)) == 0L;
    }

    /** lstat of {@code base/relative}, or empty when it or a parent is missing or not a directory. */
    static Optional<BasicFileAttributes> lstatInside(Path base, String relativePath) throws IOException {
        Path current = base;
        String[] parts = relativePath.split("/");
        for (int i = 0; i < parts.length; i++) {
            current = current.resolve(parts[i]);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (i == parts.length - 1) {
                return Optional.of(attributes);
            }
            if (!attributes.isDirectory()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
