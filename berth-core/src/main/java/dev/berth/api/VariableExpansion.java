package dev.berth.api;

import java.util.List;
import java.util.Objects;

/**
 * Docker's variable substitution applied to one input ({@code berth dockerfile expand}): the result, or why the
 * input cannot be expanded. {@code matched} and {@code unmatched} name the variables it used that were set and
 * those that were not, in the order met.
 */
public sealed interface VariableExpansion {

    /** One word, quotes removed and whitespace kept. */
    record Text(String result, List<String> matched, List<String> unmatched) implements VariableExpansion {

        public Text {
            Objects.requireNonNull(result, "result");
            matched = List.copyOf(matched);
            unmatched = List.copyOf(unmatched);
        }
    }

    /** Words split after expansion, as COPY, ADD, EXPOSE and VOLUME arguments are. */
    record Words(List<String> words, List<String> matched, List<String> unmatched) implements VariableExpansion {

        public Words {
            words = List.copyOf(words);
            matched = List.copyOf(matched);
            unmatched = List.copyOf(unmatched);
        }
    }

    /** A malformed input, or a {@code ${VAR?message}} whose variable is unset. */
    record Failed(String message) implements VariableExpansion {

        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }
}
