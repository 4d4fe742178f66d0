package dev.berth.dockerfile.instruction;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage: its position among the stages (0-based), its name in lower case (stage names are
 * case-insensitive), its FROM and the instructions after it, in order.
 */
public record Stage(int index, Optional<String> name, Instruction.From from, List<Instruction> instructions) {

    public Stage {
        if (index < 0) {
            throw new IllegalArgumentException("stage index must not be negative: " + index);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        instructions = List.copyOf(instructions);
        name.ifPresent(given -> {
            if (!given.equals(given.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("stage names are kept in lower case: " + given);
            }
        });
    }

    /** Whether {@code reference} ({@code --from} or a FROM image) names this stage, ignoring case. */
    public boolean isNamed(String reference) {
        return name.map(own -> own.equals(reference.toLowerCase(Locale.ROOT))).orElse(false);
    }
}
