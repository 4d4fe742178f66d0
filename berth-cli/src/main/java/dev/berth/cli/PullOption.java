package dev.berth.cli;

import dev.berth.api.PullPolicy;
import java.util.Set;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code build --pull[=always|missing|never]}: alone it means {@code always}, as Docker's boolean {@code --pull};
 * a value is taken only when it is a policy word, so {@code --pull .} keeps {@code .} as the context.
 */
final class PullOption implements IParameterConsumer {

    static final Set<String> VALUES = Set.of("always", "missing", "never", "true", "false");

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        String value = !args.isEmpty() && VALUES.contains(args.peek()) ? args.pop() : "always";
        argSpec.setValue(value);
    }

    static PullPolicy policy(String value, CommandSpec spec) {
        try {
            return PullPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid --pull value " + value
                    + ": use always, missing or never");
        }
    }
}
