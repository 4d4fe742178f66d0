package dev.berth.dockerfile.ignore;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceFile;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.golang.GoPaths;
import dev.berth.golang.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which context paths an ignore file excludes, with the semantics of Docker's
 * {@code patternmatcher.MatchesOrParentMatches}: patterns apply in order and the last one that
 * matches wins; a pattern matching a parent directory matches everything beneath it; a
 * {@code !pattern} re-includes. Immutable and safe to share between threads.
 *
 * <p>Paths are relative to the context and use {@code /}; they are cleaned first, and a leading
 * {@code /} is dropped.
 */
public final class IgnoreMatcher {

    private record Rule(IgnorePattern source, boolean exception, String body, PathTest test) {
    }

    /** The characters BuildKit's walker takes as "this exception may match anywhere". */
    private static final String WILDCARDS = "*[]?^\\";

    private final List<Rule> rules;
    private final List<IgnorePattern> patterns;
    private final boolean exceptionsAreLiteral;

    private IgnoreMatcher(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.patterns = rules.stream().map(Rule::source).toList();
        this.exceptionsAreLiteral = rules.stream()
                .filter(Rule::exception)
                .map(rule -> withoutTrailingGlob(rule.body()))
                .noneMatch(body -> body.chars().anyMatch(c -> WILDCARDS.indexOf(c) >= 0));
    }

    /** A matcher that excludes nothing. */
    public static IgnoreMatcher none() {
        return new IgnoreMatcher(List.of());
    }

    /**
     * Compiles the patterns of {@code file}. Each is trimmed and cleaned again as Docker's
     * {@code patternmatcher.New} does.
     *
     * @throws InvalidInputException listing every malformed pattern with its file, line and column
     */
    public static IgnoreMatcher compile(IgnoreFile file) {
        List<Rule> rules = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (IgnorePattern pattern : file.patterns()) {
            String text = GoStrings.trimSpace(pattern.text());
            if (text.isEmpty()) {
                continue;
            }
            text = GoPaths.clean(text);
            boolean exception = text.charAt(0) == '!';
            String body = exception ? text.substring(1) : text;
            try {
                if (exception && body.isEmpty()) {
                    throw new MalformedPatternException("illegal exclusion pattern \"!\"", 0);
                }
                rules.add(new Rule(pattern, exception, body, PatternCompiler.compile(body)));
            } catch (MalformedPatternException malformed) {
                problems.add(diagnostic(file.source(), pattern, body, malformed));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, file.source());
        }
        return new IgnoreMatcher(rules);
    }

    /** Compiles patterns given without a file (line {@code n} is the n-th pattern), as Docker's API takes them. */
    public static IgnoreMatcher compile(List<String> patterns) {
        List<IgnorePattern> numbered = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            if (!patterns.get(i).isEmpty()) {
                numbered.add(new IgnorePattern(patterns.get(i), i + 1));
            }
        }
        return compile(new IgnoreFile(new SourceFile("<patterns>", String.join("\n", patterns)), numbered));
    }

    /** The patterns in order, as read. */
    public List<IgnorePattern> patterns() {
        return patterns;
    }

    /** True when {@code path} is excluded from the context. */
    public boolean matches(String path) {
        return decidingRule(path).isPresent();
    }

    /** The pattern that excluded {@code path} (the last one that matched it or a parent), or empty when included. */
    public Optional<IgnorePattern> explain(String path) {
        return decidingRule(path).map(Rule::source);
    }

    /**
     * Whether a walk must still descend into the excluded directory {@code dir} because an exception
     * might re-include something beneath it. As BuildKit's walker: never without exceptions; always
     * when some exception has a wildcard (ignoring a trailing {@code /**} or {@code /*}); otherwise only
     * when an exception names a path inside it.
     */
    public boolean mayContainIncluded(String dir) {
        if (rules.stream().noneMatch(Rule::exception)) {
            return false;
        }
        if (!exceptionsAreLiteral) {
            return true;
        }
        String dirSlash = normalize(dir) + "/";
        return rules.stream()
                .filter(Rule::exception)
                .anyMatch(rule -> (withoutTrailingGlob(rule.body()) + "/").startsWith(dirSlash));
    }

    private static String withoutTrailingGlob(String pattern) {
        String stripped = pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 3) : pattern;
        return stripped.endsWith("/*") ? stripped.substring(0, stripped.length() - 2) : stripped;
    }

    private Optional<Rule> decidingRule(String rawPath) {
        String path = normalize(rawPath);
        List<String> parents = parents(path);
        Rule decided = null;
        for (Rule rule : rules) {
            // Only a rule that could change the verdict is evaluated, as in Docker.
            if (rule.exception() != (decided != null)) {
                continue;
            }
            boolean match = rule.test().test(path);
            for (int i = 0; !match && i < parents.size(); i++) {
                match = rule.test().test(parents.get(i));
            }
            if (match) {
                decided = rule.exception() ? null : rule;
            }
        }
        return Optional.ofNullable(decided);
    }

    private static String normalize(String path) {
        String clean = GoPaths.clean(path);
        return clean.length() > 1 && clean.charAt(0) == '/' ? clean.substring(1) : clean;
    }

    /** {@code a}, {@code a/b} for {@code a/b/c}: each ancestor directory, outermost first. */
    private static List<String> parents(String path) {
        List<String> parents = new ArrayList<>();
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            parents.add(path.substring(0, slash));
        }
        return parents;
    }

    private static Diagnostic diagnostic(SourceFile source, IgnorePattern pattern, String body,
            MalformedPatternException malformed) {
        String line = source.line(pattern.line());
        int at = line.indexOf(body);
        int column = at < 0 ? 1 : at + malformed.index() + 1;
        int end = at < 0 ? Math.max(2, line.length() + 1) : at + body.length() + 1;
        return Diagnostic.error(source.name(), SourceRange.columns(pattern.line(), column, end),
                        "bad ignore pattern \"%s\": %s".formatted(pattern.text(), malformed.getMessage()))
                .withHint("escape a literal [ ] \\ * or ? with a backslash");
    }
}
