package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.Stage;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A COPY or ADD from the context that takes a credential file with it ({@code .env}, {@code id_rsa},
 * {@code *.pem}, {@code .npmrc}...) because .dockerignore does not exclude it. Needs the context's listing.
 */
record SecretFiles() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("SecretFileCopied", List.of(), PracticeLevel.ERROR,
            "Keep credential files out of the image",
            "add the file to .dockerignore (or copy only what the image needs); pass secrets with --secret",
            "COPY . copies every file the context holds, and .env files, SSH keys, certificates' private keys"
                    + " and package registry tokens (.npmrc, .pypirc, .netrc) end up in a layer, readable by anyone"
                    + " who pulls the image, even if a later RUN deletes them. .dockerignore keeps them out of the"
                    + " context altogether.");

    private static final List<String> NAMES = List.of(".env", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".npmrc",
            ".pypirc", ".netrc", ".git-credentials", ".dockercfg", "credentials.json", ".htpasswd");

    private static final List<String> SUFFIXES = List.of(".pem", ".key", ".p12", ".pfx", ".jks", ".keystore");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            for (Instruction instruction : stage.instructions()) {
                switch (instruction) {
                    case Instruction.Copy copy when copy.from().isEmpty() ->
                            reached(copy.location(), copy.sources(), input.contextFiles(), hits);
                    case Instruction.Add add -> reached(add.location(), add.sources().stream()
                            .filter(source -> !source.contains("://") && !source.startsWith("git@")).toList(),
                            input.contextFiles(), hits);
                    default -> { }
                }
            }
        }
        return hits;
    }

    private static void reached(Location location, List<String> sources, List<String> files, List<PracticeHit> hits) {
        List<String> secrets = files.stream().filter(SecretFiles::isSecret)
                .filter(file -> sources.stream().anyMatch(source -> covers(source, file))).toList();
        if (!secrets.isEmpty()) {
            hits.add(new PracticeHit(location, "copies credential files from the context: "
                    + String.join(", ", secrets.subList(0, Math.min(5, secrets.size())))
                    + (secrets.size() > 5 ? " and " + (secrets.size() - 5) + " more" : "")));
        }
    }

    static boolean isSecret(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return NAMES.contains(name) || (name.startsWith(".env.") && !name.endsWith(".example")
                && !name.endsWith(".sample") && !name.endsWith(".template"))
                || SUFFIXES.stream().anyMatch(name::endsWith) || path.endsWith(".aws/credentials")
                || path.endsWith(".docker/config.json");
    }

    /** Whether COPY source {@code source} (relative to the context) takes {@code file} along. */
    static boolean covers(String source, String file) {
        String cleaned = source.replaceAll("^(\\./|/)+", "").replaceAll("/+$", "");
        if (cleaned.isEmpty() || cleaned.equals(".")) {
            return true;
        }
        if (cleaned.contains("*") || cleaned.contains("?") || cleaned.contains("[")) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + cleaned);
            Path path = Path.of(file);
            for (int count = 1; count <= path.getNameCount(); count++) {
                if (matcher.matches(path.subpath(0, count))) {
                    return true;
                }
            }
            return false;
        }
        return file.equals(cleaned) || file.startsWith(cleaned + "/");
    }
}
