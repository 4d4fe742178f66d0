package dev.berth.engine;

import java.util.List;
import java.util.Optional;

/** Says which input of a step's cache key changed since the last build of that step ({@code --explain-cache}). */
final class CacheExplainer {

    private CacheExplainer() {
    }

    static String explain(Optional<String> last, String now) {
        if (last.isEmpty()) {
            return "no earlier build of this step";
        }
        List<String> before = last.get().lines().toList();
        List<String> after = now.lines().toList();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String was = i < before.size() ? before.get(i) : "";
            String is = i < after.size() ? after.get(i) : "";
            if (!was.equals(is)) {
                String name = (is.isEmpty() ? was : is).split(" ", 2)[0];
                if (name.equals("arg")) {
                    name = "build arg " + (is.isEmpty() ? was : is).split(" ", 3)[1];
                }
                return switch (name) {
                    case "parent" -> "an earlier step or the base image changed";
                    case "sources" -> "the copied files changed";
                    default -> name + " changed";
                };
            }
        }
        return "the same inputs as the last build, but its result is no longer stored";
    }
}
