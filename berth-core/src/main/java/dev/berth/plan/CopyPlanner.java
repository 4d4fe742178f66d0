package dev.berth.plan;

import dev.berth.context.ExcludePatterns;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.WordLocator;
import dev.berth.dockerfile.syntax.Heredoc;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans COPY and ADD: {@code --chown} split into user and group, {@code --chmod} parsed (one that is not octal is
 * refused, pointing at the flag), {@code --exclude} as patterns and here-documents as inline files.
 */
final class CopyPlanner {

    private final SourceFile source;
    private final WordLocator locator;

    CopyPlanner(SourceFile source) {
        this.source = source;
        this.locator = new WordLocator(source);
    }

    /** @param refusals gets the refusal of a mode that is not octal; the step is then planned without it */
    Step.CopyStep copy(Instruction.Copy copy, StepPosition at, String text, Map<String, String> args, CopySource from,
            List<Diagnostic> refusals) {
        return new Step.CopyStep(at, text, args, false, from, copy.sources(), copy.destination(),
                copy.chown().map(FileOwner::parse), mode(copy.chmod(), copy.location(), refusals),
                ExcludePatterns.of(copy.exclude()), copy.parents(), copy.link(), Optional.empty(),
                inlineFiles(copy.heredocs()));
    }

    Step.CopyStep add(Instruction.Add add, StepPosition at, String text, Map<String, String> args,
            List<Diagnostic> refusals) {
        return new Step.CopyStep(at, text, args, true, new CopySource.Context(), add.sources(), add.destination(),
                add.chown().map(FileOwner::parse), mode(add.chmod(), add.location(), refusals),
                ExcludePatterns.of(add.exclude()), false, add.link(), add.checksum(), inlineFiles(add.heredocs()));
    }

    private Optional<OctalMode> mode(Optional<String> chmod, Location location, List<Diagnostic> refusals) {
        if (chmod.isEmpty()) {
            return Optional.empty();
        }
        Optional<OctalMode> mode = OctalMode.parse(chmod.get());
        if (mode.isEmpty()) {
            refusals.add(Diagnostic.error(source.name(), locator.range(location, "--chmod"),
                    OctalMode.refusal(chmod.get())).withHint(OctalMode.HINT));
        }
        return mode;
    }

    /** COPY and ADD here-documents, expanded already where their delimiter was not quoted. */
    private static List<InlineFile> inlineFiles(List<Heredoc> heredocs) {
        return heredocs.stream().map(heredoc -> new InlineFile(heredoc.name(), heredoc.chompedContent())).toList();
    }
}
