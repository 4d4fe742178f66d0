package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;
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

    /** Commands that install what a manifest lists. */
    private static final List<String> INSTALLS = List.of("pip install -r", "pip3 install -r", "pip install .",
            "pip3 install .", "poetry install", "pipenv install", "npm install", "npm ci", "yarn install", "yarn",
            "pnpm install", "mvn ", "./mvnw ", "gradle ", "./gradlew ", "go mod download", "go build",
            "bundle install", "cargo build", "cargo fetch", "composer install");

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
                    String script = ShellCommands.commands(ShellCommands.script(run)).stream()
                            .map(words -> String.join(" ", words) + " ").reduce("", String::concat);
                    Optional<String> install = INSTALLS.stream().filter(script::contains).findFirst();
                    if (install.isPresent()) {
                        hits.add(new PracticeHit(wholeContext.get().location(), "the whole context is copied before"
                                + " the dependencies are installed (line " + run.location().startLine() + ": "
                                + install.get().strip() + "): copy the manifest first"));
                        break;
                    }
                }
            }
        }
        return hits;
    }

    private static boolean isWholeContext(String source) {
        return source.equals(".") || source.equals("./") || source.equals("*");
    }

    private static boolean isManifest(String source) {
        return MANIFESTS.contains(source.substring(source.lastIndexOf('/') + 1));
    }
}
