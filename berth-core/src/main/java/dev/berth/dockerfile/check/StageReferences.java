package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Mount;
import dev.berth.dockerfile.instruction.Stage;
import dev.berth.dockerfile.instruction.WordLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code COPY --from} and {@code RUN --mount=from=} once expanded: a stage index or a stage
 * name must refer to an earlier stage. A name that is no stage is an image, which is fine.
 */
final class StageReferences {

    private final String file;
    private final WordLocator locator;

    StageReferences(String file, WordLocator locator) {
        this.file = file;
        this.locator = locator;
    }

    /**
     * Checks the references of {@code expanded}; {@code written} is the same instruction before
     * expansion, whose words the diagnostics point at.
     */
    List<Finding> check(Instruction written, Instruction expanded, Stage current, Dockerfile dockerfile) {
        List<String> references = references(expanded);
        List<String> writtenReferences = references(written);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            String word = i < writtenReferences.size() ? writtenReferences.get(i) : reference;
            Optional<Stage> stage = dockerfile.stage(reference);
            boolean numeric = !reference.isEmpty() && reference.chars().allMatch(Character::isDigit);
            if ((numeric && stage.isEmpty()) || stage.filter(found -> found.index() >= current.index()).isPresent()) {
                String which = stage.map(found -> found.index() == current.index() ? "the current stage" : "a later stage")
                        .orElse("no stage");
                findings.add(Finding.of(Diagnostic.error(file, locator.range(expanded.location(), word),
                        "--from=" + reference + " refers to " + which + "; only an earlier stage can be used")
                        .withHint("move that stage before stage " + current.index()
                                + current.name().map(name -> " (" + name + ")").orElse("") + ", or name an image")));
            }
        }
        return findings;
    }

    private static List<String> references(Instruction instruction) {
        List<String> references = new ArrayList<>();
        switch (instruction) {
            case Instruction.Copy copy -> copy.from().ifPresent(references::add);
            case Instruction.Run run -> run.mounts().forEach(mount -> from(mount).ifPresent(references::add));
            default -> { }
        }
        return references;
    }

    private static Optional<String> from(Mount mount) {
        return switch (mount) {
            case Mount.Bind bind -> bind.from();
            case Mount.Cache cache -> cache.from();
            case Mount.Tmpfs tmpfs -> Optional.empty();
            case Mount.Secret secret -> Optional.empty();
            case Mount.Ssh ssh -> Optional.empty();
        };
    }
}
