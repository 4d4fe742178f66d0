package dev.berth.dockerfile.shell;

import java.util.Map;
import java.util.Objects;

/**
 * Docker's environment replacement, exactly as BuildKit's Dockerfile frontend does it (its
 * {@code shell.Lex}): quotes, the escape character, {@code $VAR}, {@code ${VAR}} and the
 * {@code ${VAR<modifier>word}} forms {@code :- - :+ + :? ? # ## % %% / //}.
 *
 * <p>Immutable and safe to share between threads; each call keeps its own state. A name is set when
 * the environment has it as a key, even with an empty value. Expanding never fails with anything
 * but {@link ExpansionException}, and never runs longer than its input warrants.
 */
public final class WordExpander {

    private final char escapeToken;

    /**
     * @param escapeToken the Dockerfile's escape character: {@code \} (the default) or {@code `}
     * @throws IllegalArgumentException for any other character
     */
    public WordExpander(char escapeToken) {
        if (escapeToken != '\\' && escapeToken != '`') {
            throw new IllegalArgumentException("the escape character must be '\\' or '`', not '" + escapeToken + "'");
        }
        this.escapeToken = escapeToken;
    }

    public char escapeToken() {
        return escapeToken;
    }

    /**
     * Expands one word (BuildKit's {@code ProcessWord}): quotes are removed and whitespace is kept.
     *
     * @throws ExpansionException if the word is malformed or a {@code ${VAR?message}} fails
     */
    public Expansion expand(String word, Map<String, String> env) {
        ExpansionRun run = start(word, env, false);
        String result = run.expandUntil(WordScanner.EOF, false, new WordSplitter());
        return new Expansion(result, run.matched(), run.unmatched());
    }

    /**
     * Expands the content of a COPY or ADD here-document (BuildKit's {@code ExpandRaw}): variables are replaced
     * and the escape character still escapes (so {@code \$} is a dollar), but quotes stay as written, since
     * they belong to the file (moby/buildkit#2439).
     *
     * @throws ExpansionException if a {@code ${VAR?message}} fails or a brace is missing
     */
    public Expansion expandRaw(String content, Map<String, String> env) {
        ExpansionRun run = start(content, env, true);
        String result = run.expandUntil(WordScanner.EOF, false, new WordSplitter());
        return new Expansion(result, run.matched(), run.unmatched());
    }

    /**
     * Expands a line and splits it into words (BuildKit's {@code ProcessWords}), after expansion:
     * unquoted whitespace separates words, including whitespace an unquoted variable expanded to;
     * quoted and escaped whitespace does not; empty words such as {@code ""} are dropped.
     *
     * @throws ExpansionException if the line is malformed or a {@code ${VAR?message}} fails
     */
    public WordsExpansion expandWords(String line, Map<String, String> env) {
        ExpansionRun run = start(line, env, false);
        WordSplitter words = new WordSplitter();
        run.expandUntil(WordScanner.EOF, false, words);
        return new WordsExpansion(words.words(), run.matched(), run.unmatched());
    }

    private ExpansionRun start(String word, Map<String, String> env, boolean quotesAreText) {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(env, "env");
        return new ExpansionRun(word, env, escapeToken, quotesAreText);
    }

    @Override
    public String toString() {
        return "WordExpander[escape=" + escapeToken + "]";
    }
}
