package dev.berth.io;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The directories of a {@code PATH}, in order, where Berth looks for the host programs it runs (the OCI runtime,
 * shellcheck, rpm, setpriv, credential helpers): one lookup, so that each finds a program the same way. Empty
 * entries, which a shell reads as the current directory, are skipped: a program is never taken from wherever Berth
 * was started. Only a regular file that is executable is found.
 *
 * @param directories where programs are looked for, first first
 */
public record SearchPath(List<Path> directories) {

    /** What a process without {@code PATH} gets: the usual system directories. */
    public static final String DEFAULT = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public SearchPath {
        directories = List.copyOf(directories);
    }

    /** {@code environment}'s {@code PATH}, or {@link #DEFAULT} when it has none. */
    public static SearchPath of(Map<String, String> environment) {
        return parse(environment.getOrDefault("PATH", DEFAULT));
    }

    /** The directories of a {@code PATH} value ({@code :}-separated). */
    public static SearchPath parse(String path) {
        return new SearchPath(Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .map(Path::of).toList());
    }

    /** The first executable regular file called {@code name} in these directories. */
    public Optional<Path> find(String name) {
        return directories.stream().map(directory -> directory.resolve(name))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate)).findFirst();
    }
}
