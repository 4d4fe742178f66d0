package dev.berth.sbom;

import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import dev.berth.error.UnsupportedFeatureException;
import dev.berth.io.SearchPath;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host's {@code rpm} reading a copy of an image's rpm database: {@code rpm --dbpath DIR -qa --qf ...}. rpm
 * reads every format its build knows (SQLite {@code rpmdb.sqlite}; Berkeley DB {@code Packages} read-only; ndb
 * {@code Packages.db}) and picks the one whose files it finds, so Berth needs no database reader of its own.
 *
 * <p>The database comes from an image, so it is untrusted input to rpm's (and SQLite's, Berkeley DB's) parsers:
 * rpm runs with a minimal environment ({@code PATH}, {@code LANG=C}, {@code HOME} an empty private directory: none
 * of this process's variables, no {@code ~/.rpmmacros}) and, when this process is root, as nobody (65534, no
 * groups, no new privileges) through util-linux's {@code setpriv}, on its own copy of the database in a private
 * directory that user owns. When root has no {@code setpriv}, rpm is not run at all.
 *
 * @param executable {@code rpm} on the injected {@code PATH}; empty when it is not installed
 * @param scratch    where the database copies are made (and removed)
 * @param user       who rpm runs as
 */
public record RpmQuery(Optional<Path> executable, Path scratch, RpmUser user) {

    private static final long TIMEOUT_SECONDS = 120;
    private static final String FORMAT = "%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}"
            + "\\t%{LICENSE}\\n";
    /** nobody and nogroup: an id that owns nothing of the host's. */
    static final int NOBODY = 65534;
    private static final String SAFE_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    /** One installed package as rpm reports it; {@code epoch} and {@code sourceRpm} empty when rpm says none. */
    record Header(String name, String epoch, String version, String release, String arch, String sourceRpm,
            String license) {}

    /** Who rpm runs as. */
    public sealed interface RpmUser {

        /** This process is not root: rpm runs as its user. */
        record Caller() implements RpmUser {}

        /** This process is root: rpm runs as nobody through this {@code setpriv}. */
        record Nobody(Path setpriv) implements RpmUser {}

        /** This process is root and has no {@code setpriv}: rpm is not run as root on an image's database. */
        record NoSetpriv() implements RpmUser {}
    }

    public RpmQuery {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(scratch, "scratch");
        Objects.requireNonNull(user, "user");
    }

    /** A query as this process's user (not root). */
    public RpmQuery(Optional<Path> executable, Path scratch) {
        this(executable, scratch, new RpmUser.Caller());
    }

    /**
     * {@code rpm} (and, for root, {@code setpriv}) looked up on {@code environment}'s {@code PATH}, copies under
     * {@code TMPDIR} or the JVM's.
     */
    public static RpmQuery onPath(Map<String, String> environment) {
        SearchPath path = SearchPath.of(environment);
        RpmUser user = effectiveUid() != 0 ? new RpmUser.Caller()
                : path.find("setpriv").<RpmUser>map(RpmUser.Nobody::new).orElse(new RpmUser.NoSetpriv());
        return new RpmQuery(path.find("rpm"), Path.of(environment.getOrDefault("TMPDIR",
                System.getProperty("java.io.tmpdir"))), user);
    }

    /** The owner of {@code /proc/self} is the effective uid; when it cannot be read, root is assumed (the safe side). */
    private static long effectiveUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    /** Every package of the database copied into {@code database}; {@code proof} names it in errors. */
    List<Header> query(Path database, String proof) {
        Path rpm = executable.orElseThrow(() -> new UnsupportedFeatureException("the image has an rpm database ("
                + proof + ") but rpm is not installed on this host: install it (Debian: apt-get install rpm) for "
                + "its packages to be listed"));
        if (user instanceof RpmUser.NoSetpriv) {
            throw new UnsupportedFeatureException("the image has an rpm database (" + proof + "), which Berth reads "
                    + "with rpm as nobody, never as root, but setpriv is not installed on this host: install it "
                    + "(Debian: util-linux) for its packages to be listed");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(scratch, "berth-rpm-");
            Path copy = Files.createDirectory(work.resolve("db"));
            Path home = Files.createDirectory(work.resolve("home"));
            try (Stream<Path> files = Files.list(database)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            if (user instanceof RpmUser.Nobody) {
                handToNobody(work, proof);
            }
            return parse(run(rpm, copy, home, work, proof));
        } catch (IOException e) {
            throw new ExecutionException("running " + rpm + " on " + proof + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while rpm read " + proof, e);
        } finally {
            if (work != null) {
                delete(work);
            }
        }
    }

    private String run(Path rpm, Path database, Path home, Path work, String proof)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (user instanceof RpmUser.Nobody(Path setpriv)) {
            command.addAll(List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                    "--inh-caps=-all", "--no-new-privs", "--"));
        }
        command.addAll(List.of(rpm.toString(), "--dbpath", database.toString(), "-qa", "--qf", FORMAT));
        // Output to files (opened here, not by rpm): the wait can then time out, where reading a pipe to its end
        // first would block past it.
        Path listing = work.resolve("stdout");
        Path errors = work.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(listing.toFile()).redirectError(errors.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", SAFE_PATH, "LANG", "C", "HOME", home.toString()));
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            // Reaped before the scratch directory rpm works in is removed.
            process.destroyForcibly().waitFor();
            throw new ExecutionException("rpm did not list " + proof + " within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new ExecutionException("rpm could not read " + proof + " (exit " + process.exitValue() + "): "
                    + Files.readString(errors).strip());
        }
        return Files.readString(listing, StandardCharsets.UTF_8);
    }

    /**
     * Makes {@code work} and all in it nobody's, readable and writable by it alone (rpm writes its lock and SQLite's
     * shared-memory file beside the database); nobody must be able to reach it, so every directory above must be
     * searchable by others.
     */
    private static void handToNobody(Path work, String proof) throws IOException {
        for (Path above = work.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
            if (!Files.getPosixFilePermissions(above).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new ExecutionException("rpm reads " + proof + " as nobody, who cannot reach " + work + ": "
                        + above + " is not searchable by others; set TMPDIR to a directory that is, such as /tmp");
            }
        }
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------"));
            }
        }
    }

    private static void delete(Path work) {
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException("removing the rpm database copy " + work + ": " + e.getMessage(), e);
        }
    }

    static List<Header> parse(String output) {
        List<Header> headers = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length != 7 || f[0].isEmpty() || f[0].equals("gpg-pubkey")) {
                // gpg-pubkey entries are imported signing keys, not packages (syft and Trivy leave them out too).
                continue;
            }
            headers.add(new Header(f[0], none(f[1]), f[2], f[3], none(f[4]), none(f[5]), none(f[6])));
        }
        return headers;
    }

    private static String none(String value) {
        return value.equals("(none)") ? "" : value;
    }
}
