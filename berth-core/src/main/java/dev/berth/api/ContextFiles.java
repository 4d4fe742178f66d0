package dev.berth.api;

import dev.berth.context.BuildContext;
import dev.berth.context.ContextEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A build context as a build would see it, for {@code berth context ls}: read in place, the ignore file applied. */
final class ContextFiles {

    private ContextFiles() {
    }

    static List<ContextFile> list(Path context, Optional<Path> dockerfile) {
        return BuildContext.open(context, dockerfile).list().stream().map(ContextFiles::file).toList();
    }

    static ContextExclusion explain(Path context, Optional<Path> dockerfile, String path) {
        BuildContext build = BuildContext.open(context, dockerfile);
        return new ContextExclusion(path, build.ignoreFile(), build.ignore().explain(path)
                .map(pattern -> new ContextExclusion.Rule(pattern.line(), pattern.text())));
    }

    private static ContextFile file(ContextEntry entry) {
        ContextFile.Kind kind = switch (entry.type()) {
            case FILE -> ContextFile.Kind.FILE;
            case DIRECTORY -> ContextFile.Kind.DIRECTORY;
            case SYMLINK -> ContextFile.Kind.SYMLINK;
            case OTHER -> ContextFile.Kind.OTHER;
        };
        return new ContextFile(entry.path(), kind, entry.size(), entry.permissions(),
                Instant.EPOCH.plusNanos(entry.stat().mtimeNanos()));
    }
}
