package dev.berth.dockerfile.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables visible at one point of a Dockerfile: ARG values and ENV values, ENV taking
 * precedence, and which names are declared (an ARG without a value is declared but unset).
 * Mutable, owned by one resolution pass.
 */
final class Scope {

    private final Map<String, String> args = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Set<String> declared = new HashSet<>();

    /** A scope starting with the ENV of a parent stage ({@code FROM parent}). */
    static Scope inheriting(Map<String, String> parentEnv) {
        Scope scope = new Scope();
        scope.env.putAll(parentEnv);
        scope.declared.addAll(parentEnv.keySet());
        return scope;
    }

    void declareArg(String name, Optional<String> value) {
        declared.add(name);
        value.ifPresent(given -> args.put(name, given));
    }

    void setEnv(String name, String value) {
        declared.add(name);
        env.put(name, value);
    }

    boolean isDeclared(String name) {
        return declared.contains(name);
    }

    Set<String> declaredNames() {
        return Set.copyOf(declared);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(lookup().get(name));
    }

    /** What expansion sees: ARGs overlaid by ENV, because ENV wins over ARG of the same name. */
    Map<String, String> lookup() {
        Map<String, String> visible = new HashMap<>(args);
        visible.putAll(env);
        return visible;
    }

    /** The ARGs declared with a value, in declaration order (ENV not overlaid): what a step's args are. */
    Map<String, String> args() {
        return new LinkedHashMap<>(args);
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }
}
