package dev.berth.sbom;

import dev.berth.error.ExecutionException;
import dev.berth.error.UnsupportedFeatureException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The host's {@code rpm} reading a copy of an image's rpm database: {@code rpm --dbpath DIR -qa --qf ...}. rpm
 * reads every format its build knows (SQLite {@code rpmdb.sqlite}; Berkeley DB {@code Packages} read-only; ndb
 * {@code Packages.db}) and picks the one whose files it finds, so Berth needs no database reader of its own.
 *
 * @param executable {@code rpm} on the injected {@code PATH}; empty when it is not installed
 * @param scratch    where the database copies are made (and removed)
 */
public record RpmQuery(Optional<Path> executable, Path scratch) {

    private static final long TIMEOUT_SECONDS = 120;
    private static final String FORMAT = "%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}"
            + "\\t%{LICENSE}\\n";

    /** One installed package as rpm reports it; {@code epoch} and {@code sourceRpm} empty when rpm says none. */
    record Header(String name, String epoch, String version, String release, String arch, String sourceRpm,
            String license) {}

    /** {@code rpm} looked up on {@code environment}'s {@code PATH}, copies under {@code TMPDIR} or the JVM's. */
    public static RpmQuery onPath(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        Optional<Path> rpm = Optional.empty();
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = directory.isEmpty() ? null : Path.of(directory, "rpm");
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                rpm = Optional.of(candidate);
                break;
            }
        }
        return new RpmQuery(rpm, Path.of(environment.getOrDefault("TMPDIR", System.getProperty("java.io.tmpdir"))));
    }

    /** Every package of the database copied into {@code database}; {@code proof} names it in errors. */
    List<Header> query(Path database, String proof) {
        Path rpm = executable.orElseThrow(() -> new UnsupportedFeatureException("the image has an rpm database ("
                + proof + ") but rpm is not installed on this host: install it (Debian: apt-get install rpm) for "
                + "its packages to be listed"));
        Path errors = database.resolveSibling(database.getFileName() + ".stderr");
        Path listing = database.resolveSibling(database.getFileName() + ".stdout");
        try {
            // Output to a file: the wait can then time out, where reading a pipe to its end first would block past it.
            Process process = new ProcessBuilder(rpm.toString(), "--dbpath", database.toString(), "-qa", "--qf", FORMAT)
                    .redirectOutput(listing.toFile()).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                // Reaped before the caller removes the scratch directory rpm works in.
                process.destroyForcibly().waitFor();
                throw new ExecutionException("rpm did not list " + proof + " within " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(listing, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new ExecutionException("rpm could not read " + proof + " (exit " + process.exitValue() + "): "
                        + Files.readString(errors).strip());
            }
            return parse(output);
        } catch (IOException e) {
            throw new ExecutionException("running " + rpm + " on " + proof + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while rpm read " + proof, e);
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
