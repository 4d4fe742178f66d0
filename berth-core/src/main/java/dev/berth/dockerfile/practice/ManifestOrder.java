package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code COPY . .} and then {@code pip install -r requirements.txt}: any source change reinstalls every dependency.
 * The manifest should be copied, and the dependencies installed, before the sources.
 */
record ManifestOrder() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("ManifestCopiedWithSources", List.of(), PracticeLevel.WARNING,
            "Copy the dependency manifest and install dependencies before copying the sources",
            "COPY requirements.txt (package.json, pom.xml, go.mod...) first, RUN the install, then COPY . .",
            "The build cache reuses a layer only when everything before it is unchanged. When the whole context"
                    + " is copied before the dependencies are installed, editing one source file invalidates the"
                    + " install, and every build downloads and installs all dependencies again. Copying only the"
                    + " manifest first keeps the install cached until the manifest itself changes.");

    private static final Set<String> MANIFESTS = Set.of("requirements.txt", "pyproject.toml", "poetry.lock",
            "Pipfile", "Pipfile.lock", "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "pom.xml",
            "build.gradle", "build.gradle.kts", "go.mod", "go.sum", "Gemfile", "Gemfile.lock", "Cargo.toml",
            "Cargo.lock", "composer.json", "composer.lock");

    /** Tools that install what a manifest lists, with the subcommands that do (empty: any use of the tool). */
    private static final Map<String, Set<String>> INSTALLS = Map.ofEntries(Map.entry("pip", Set.of("install")),
            Map.entry("pip3", Set.of("install")), Map.entry("poetry", Set.of("install")),
            Map.entry("pipenv", Set.of("install")), Map.entry("npm", Set.of("install", "ci", "i")),
            Map.entry("yarn", Set.of()), Map.entry("pnpm", Set.of("install", "i")), Map.entry("mvn", Set.of()),
            Map.entry("mvnw", Set.of()), Map.entry("gradle", Set.of()), Map.entry("gradlew", Set.of()),
            Map.entry("go", Set.of("mod", "build")), Map.entry("bundle", Set.of("install")),
            Map.entry("cargo", Set.of("build", "fetch")), Map.entry("composer", Set.of("install")));

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            boolean manifestFirst = false;
            Optional<Instruction.Copy> wholeContext = Optional.empty();
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof Instruction.Copy copy && copy.from().isEmpty()) {
                    boolean whole = copy.sources().stream().anyMatch(ManifestOrder::isWholeContext);
                    boolean manifest = copy.sources().stream().anyMatch(ManifestOrder::isManifest);
                    if (whole && wholeContext.isEmpty() && !manifestFirst) {
                        wholeContext = Optional.of(copy);
                    } else if (manifest && wholeContext.isEmpty()) {
                        manifestFirst = true;
                    }
                } else if (instruction instanceof Instruction.Run run && wholeContext.isPresent()) {
                    Optional<List<String>> install = ShellCommands.commands(ShellCommands.script(run)).stream()
                            .filter(ManifestOrder::installsDependencies).findFirst();
                    if (install.isPresent()) {
                        List<String> words = install.get();
                        hits.add(new PracticeHit(wholeContext.get().location(), "the whole context is copied before"
                                + " the dependencies are installed (line " + run.location().startLine() + ": "
                                + String.join(" ", words.subList(0, Math.min(3, words.size())))
                                + "): copy the manifest first"));
                        break;
                    }
                }
            }
        }
        return hits;
    }

    private static boolean installsDependencies(List<String> words) {
        String tool = ShellCommands.executable(words.getFirst());
        Set<String> subcommands = INSTALLS.get(tool);
        if (subcommands == null) {
            return false;
        }
        Optional<String> subcommand = words.stream().skip(1).filter(word -> !word.startsWith("-")).findFirst();
        if (!subcommands.isEmpty() && subcommand.filter(subcommands::contains).isEmpty()) {
            return false;
        }
        // pip installs from the manifest only with -r or a local project; "pip install flask" needs no sources.
        return !tool.startsWith("pip") || words.contains("-r") || words.contains("--requirement")
                || ShellCommands.operands(words).contains(".");
    }

    private static boolean isWholeContext(String source) {
        return source.equals(".") || source.equals("./") || source.equals("*");
    }

    private static boolean isManifest(String source) {
        return MANIFESTS.contains(source.substring(source.lastIndexOf('/') + 1));
    }
}
