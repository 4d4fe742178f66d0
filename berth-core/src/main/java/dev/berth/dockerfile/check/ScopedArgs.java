package dev.berth.dockerfile.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The build args each instruction of each stage sees, recorded by the one pass that scopes ARGs and expands
 * variables ({@link VariableResolver}), so a build plans with exactly the values its expansion used. In a stage an
 * ARG is visible after its declaration (an ARG instruction sees its own), with the build arg, else its default,
 * else the global ARG's value; each map is in declaration order.
 *
 * @param stages by stage index, the args of each of its instructions, in order
 * @param buildArgs the build's {@code --build-arg}s, whose proxy settings RUN sees without an ARG line
 */
public record ScopedArgs(Map<Integer, List<Map<String, String>>> stages, Map<String, String> buildArgs) {

    public ScopedArgs {
        Map<Integer, List<Map<String, String>>> copied = new TreeMap<>();
        stages.forEach((index, seen) -> copied.put(index, seen.stream().map(ScopedArgs::ordered).toList()));
        stages = Collections.unmodifiableMap(copied);
        buildArgs = ordered(buildArgs);
    }

    /** The ARGs visible at instruction {@code instruction} (0-based, after FROM) of stage {@code stage}. */
    public Map<String, String> at(int stage, int instruction) {
        List<Map<String, String>> seen = stages.get(stage);
        if (seen == null || instruction < 0 || instruction >= seen.size()) {
            throw new IllegalArgumentException("no instruction " + instruction + " in stage " + stage);
        }
        return seen.get(instruction);
    }

    /** What a RUN there sees: the visible ARGs and the proxy build args ({@link PredefinedArgs#withProxies}). */
    public Map<String, String> atRun(int stage, int instruction) {
        return Collections.unmodifiableMap(PredefinedArgs.withProxies(at(stage, instruction), buildArgs));
    }

    private static Map<String, String> ordered(Map<String, String> args) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}
