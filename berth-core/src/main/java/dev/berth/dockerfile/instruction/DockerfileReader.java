package dev.berth.dockerfile.instruction;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.syntax.Node;
import dev.berth.dockerfile.syntax.SyntaxTree;
import dev.berth.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Groups the typed instructions of a {@link SyntaxTree} into global ARGs and {@link Stage}s. It reads
 * the whole file, collecting every error: an instruction that does not parse is reported and left out.
 */
public final class DockerfileReader {

    /** What reading gave: the Dockerfile when there was at least one stage, and every error found. */
    public record Reading(Optional<Dockerfile> dockerfile, List<Diagnostic> errors) {
        public Reading {
            java.util.Objects.requireNonNull(dockerfile, "dockerfile");
            errors = List.copyOf(errors);
        }
    }

    /** Reads, collecting all errors. */
    public Reading read(SyntaxTree tree) {
        InstructionParser parser = new InstructionParser(tree.source());
        String file = tree.source().name();
        List<Diagnostic> errors = new ArrayList<>();
        List<Instruction.Arg> globalArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Instruction.From from = null;
        List<Instruction> body = new ArrayList<>();
        boolean inBrokenStage = false;
        for (Node node : tree.children()) {
            Instruction instruction;
            try {
                instruction = parser.parse(node);
            } catch (InvalidInputException invalid) {
                errors.addAll(invalid.diagnostics());
                inBrokenStage |= node.keyword().equals("from");
                continue;
            }
            if (instruction instanceof Instruction.From next) {
                if (from != null) {
                    stages.add(stage(stages.size(), from, body));
                }
                from = next;
                body = new ArrayList<>();
                inBrokenStage = false;
            } else if (inBrokenStage) {
                continue;
            } else if (from != null) {
                body.add(instruction);
            } else if (instruction instanceof Instruction.Arg arg) {
                globalArgs.add(arg);
            } else {
                errors.add(Diagnostic.error(file, parser.rangeOf(node, ""), "no build stage in current context")
                        .withHint("start the Dockerfile with FROM; only ARG may come before it"));
            }
        }
        if (from != null) {
            stages.add(stage(stages.size(), from, body));
        }
        if (stages.isEmpty() && errors.isEmpty()) {
            errors.add(Diagnostic.error(file, SourceRange.line(1), "dockerfile contains no stages to build")
                    .withHint("add a FROM instruction"));
        }
        return new Reading(stages.isEmpty() ? Optional.empty()
                : Optional.of(new Dockerfile(tree.directives(), globalArgs, stages)), errors);
    }

    /** Reads and throws {@link InvalidInputException} with every error if there is any. */
    public Dockerfile readStrict(SyntaxTree tree) {
        Reading reading = read(tree);
        if (!reading.errors().isEmpty()) {
            throw new InvalidInputException(reading.errors(), tree.source());
        }
        return reading.dockerfile().orElseThrow();
    }

    private static Stage stage(int index, Instruction.From from, List<Instruction> body) {
        return new Stage(index, from.stageName().map(name -> name.toLowerCase(Locale.ROOT)), from, body);
    }
}
