package dev.berth.scan;

import dev.berth.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The OSV records a scan matches against, read from what the user gives: a directory (searched to any depth) of
 * OSV {@code .json} files and of osv.dev's per-ecosystem {@code all.zip} files, or one such file. Indexed by
 * ecosystem and package name. A database that holds no record is refused, so a scan never reports "0 found"
 * for want of data.
 */
public final class OsvDatabase {

    private final Map<String, List<OsvAdvisory>> byPackage;
    private final Set<String> ecosystems;
    private final int records;
    private final Optional<Instant> newest;
    private final Path path;

    private OsvDatabase(Path path, List<OsvAdvisory> advisories) {
        this.path = path;
        this.records = advisories.size();
        Map<String, List<OsvAdvisory>> index = new HashMap<>();
        Set<String> named = new TreeSet<>();
        Instant latest = null;
        for (OsvAdvisory advisory : advisories) {
            for (OsvAdvisory.Affected affected : advisory.affected()) {
                named.add(affected.ecosystem());
                List<OsvAdvisory> list = index.computeIfAbsent(key(affected.ecosystem(), affected.name()),
                        k -> new ArrayList<>());
                if (list.isEmpty() || list.getLast() != advisory) {
                    list.add(advisory);
                }
            }
            if (advisory.modified().isPresent() && (latest == null || advisory.modified().get().isAfter(latest))) {
                latest = advisory.modified().get();
            }
        }
        this.byPackage = index;
        this.ecosystems = Collections.unmodifiableSet(named);
        this.newest = Optional.ofNullable(latest);
    }

    /**
     * Reads every record under {@code path}.
     *
     * @throws NotFoundException when the path does not exist
     * @throws dev.berth.error.InvalidInputException when a file is not an OSV record, or there is no record at all
     */
    public static OsvDatabase read(Path path) {
        if (!Files.exists(path)) {
            throw new NotFoundException("vulnerability database " + path + ": no such file or directory");
        }
        OsvRecordReader reader = new OsvRecordReader();
        List<OsvAdvisory> advisories = new ArrayList<>();
        try {
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).filter(OsvDatabase::databaseFile).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(".zip")) {
                    readZip(file, reader, advisories);
                } else {
                    advisories.addAll(reader.read(Files.readAllBytes(file), file.toString()));
                }
            }
        } catch (IOException e) {
            throw new dev.berth.error.StoreException("reading vulnerability database " + path + ": " + e.getMessage(), e);
        }
        if (advisories.isEmpty()) {
            throw OsvRecordReader.invalid(path.toString(), "the vulnerability database holds no OSV record"
                    + " (give a directory of OSV .json files or osv.dev all.zip files)");
        }
        return new OsvDatabase(path, advisories);
    }

    private static boolean databaseFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".zip");
    }

    private static void readZip(Path file, OsvRecordReader reader, List<OsvAdvisory> advisories) throws IOException {
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!entry.isDirectory() && entry.getName().endsWith(".json")) {
                    advisories.addAll(reader.read(zip.readAllBytes(), file + "!/" + entry.getName()));
                }
            }
        }
    }

    /** The records naming this package in this ecosystem, in the order read. */
    public List<OsvAdvisory> advisories(String ecosystem, String name) {
        return byPackage.getOrDefault(key(ecosystem, name), List.of());
    }

    /**
     * Every ecosystem a record names, sorted ({@code Red Hat:enterprise_linux:9::appstream} and the like, which a
     * distro release is matched against by prefix).
     */
    public Set<String> ecosystems() {
        return ecosystems;
    }

    public int records() {
        return records;
    }

    /** The latest {@code modified} time of any record: how fresh the database is. */
    public Optional<Instant> newest() {
        return newest;
    }

    public Path path() {
        return path;
    }

    private static String key(String ecosystem, String name) {
        return ecosystem + "\u0000" + name;
    }
}
