package dev.berth.dockerfile.practice;

import dev.berth.diagnostic.SourceFile;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What hadolint users already wrote to silence rules: {@code # hadolint ignore=DL3008,DL3009} on the line (or the
 * comment lines) right before an instruction, {@code # hadolint global ignore=...} anywhere, and the
 * {@code ignored:} list of {@code .hadolint.yaml}. They silence Berth's rules that hadolint ids alias.
 */
public final class HadolintSuppressions {

    private static final Pattern PRAGMA = Pattern.compile("^\\s*#\\s*hadolint\\s+(global\\s+)?ignore\\s*=\\s*([A-Za-z0-9, ]+)");

    private final Map<Integer, Set<String>> byLine;
    private final Set<String> global;

    private HadolintSuppressions(Map<Integer, Set<String>> byLine, Set<String> global) {
        this.byLine = byLine;
        this.global = global;
    }

    public static HadolintSuppressions none() {
        return new HadolintSuppressions(Map.of(), Set.of());
    }

    /** The pragmas of {@code source}, plus {@code configIgnored} (from .hadolint.yaml). */
    public static HadolintSuppressions read(SourceFile source, Collection<String> configIgnored) {
        Map<Integer, Set<String>> byLine = new HashMap<>();
        Set<String> global = new HashSet<>();
        configIgnored.forEach(id -> global.add(id.strip().toUpperCase(Locale.ROOT)));
        Set<String> pending = new HashSet<>();
        for (int number = 1; number <= source.lineCount(); number++) {
            String line = source.line(number);
            Matcher pragma = PRAGMA.matcher(line);
            if (pragma.find()) {
                Set<String> target = pragma.group(1) != null ? global : pending;
                for (String id : pragma.group(2).split(",")) {
                    if (!id.isBlank()) {
                        target.add(id.strip().toUpperCase(Locale.ROOT));
                    }
                }
            } else if (!line.isBlank() && !line.strip().startsWith("#")) {
                if (!pending.isEmpty()) {
                    byLine.put(number, Set.copyOf(pending));
                    pending.clear();
                }
            }
        }
        return new HadolintSuppressions(Map.copyOf(byLine), Set.copyOf(global));
    }

    /** Whether a finding of the rule with hadolint ids {@code aliases}, at {@code line}, is silenced. */
    public boolean silences(int line, List<String> aliases) {
        Set<String> here = byLine.getOrDefault(line, Set.of());
        return aliases.stream().map(alias -> alias.toUpperCase(Locale.ROOT))
                .anyMatch(alias -> global.contains(alias) || here.contains(alias));
    }

    /**
     * The {@code ignored:} ids of a .hadolint.yaml: the block form ({@code - DL3008} lines) and the flow form
     * ({@code ignored: [DL3008, DL3009]}). Only this key is read, so the rest of the file may be anything.
     */
    public static List<String> configIgnored(String yaml) {
        List<String> ids = new java.util.ArrayList<>();
        boolean inList = false;
        for (String raw : yaml.split("\\R")) {
            String line = raw.replaceAll("\\s+#.*$", "");
            if (line.matches("^ignored\\s*:.*")) {
                String rest = line.substring(line.indexOf(':') + 1).strip();
                if (rest.startsWith("[")) {
                    for (String id : rest.replaceAll("[\\[\\]\"']", "").split(",")) {
                        if (!id.isBlank()) {
                            ids.add(id.strip());
                        }
                    }
                    inList = false;
                } else {
                    inList = rest.isEmpty();
                }
            } else if (inList && line.strip().startsWith("-")) {
                ids.add(line.strip().substring(1).strip().replaceAll("[\"']", ""));
            } else if (inList && !line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                inList = false;
            }
        }
        return List.copyOf(ids);
    }
}
