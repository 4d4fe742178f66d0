package dev.berth.dockerfile.check;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.dockerfile.instruction.Dockerfile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Mount;
import dev.berth.dockerfile.instruction.NearestName;
import dev.berth.dockerfile.instruction.Stage;
import dev.berth.dockerfile.instruction.WordLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code COPY --from} and {@code RUN --mount=from=} once expanded: a stage index or a stage
 * name must refer to an earlier stage. A name that is no stage is an image, which is fine, but one close
 * to an earlier stage's name is flagged as a likely typo.
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
                String hint = stage.isEmpty()
                        ? "stages are numbered from 0; this file has " + dockerfile.stages().size()
                        : stage.get().index() == current.index() ? "a stage cannot use itself; name an earlier stage or an image"
                        : "move that stage before stage " + current.index()
                                + current.name().map(name -> " (" + name + ")").orElse("") + ", or name an image";
                findings.add(Finding.of(Diagnostic.error(file, locator.range(expanded.location(), word),
                        "--from=" + reference + " refers to " + which + "; only an earlier stage can be used")
                        .withHint(hint)));
            } else if (stage.isEmpty() && !numeric) {
                // Docker pulls a name that is no stage as an image; a near miss of a stage name is most likely a typo.
                List<String> earlier = dockerfile.stages().stream().limit(current.index())
                        .flatMap(candidate -> candidate.name().stream()).toList();
                NearestName.among(reference, earlier).ifPresent(nearest -> findings.add(Finding.of(Diagnostic.warning(
                        file, locator.range(expanded.location(), word), "--from=" + reference
                                + " is no stage of this file, so it names an image (did you mean " + nearest + "?)")
                        .withHint("write --from=" + nearest + " to use the stage"))));
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
