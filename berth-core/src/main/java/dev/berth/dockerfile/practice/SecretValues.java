package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.ArgDeclaration;
import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.KeyValue;
import dev.berth.dockerfile.instruction.Location;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credential written into the Dockerfile: in an ENV, ARG default or LABEL value, or a RUN command. Known token
 * shapes (AWS key ids, private keys, GitHub and npm tokens, Slack tokens) and long high-entropy words. Messages
 * show the first four characters only.
 */
record SecretValues() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("SecretInValue", List.of(), PracticeLevel.ERROR,
            "Do not write credentials into the Dockerfile",
            "remove the value and pass it at build time with RUN --mount=type=secret,id=NAME (berth build --secret)",
            "ENV and LABEL values are stored in the image config, ARG defaults and RUN commands in its history:"
                    + " anyone who can pull the image can read them, and so can everyone with the repository. A"
                    + " secret mount gives the value to one RUN without writing it anywhere. Rotate any credential"
                    + " that was committed.");

    private static final List<Shape> SHAPES = List.of(
            new Shape("an AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Shape("a private key", Pattern.compile("-----BEGIN[A-Z ]* PRIVATE KEY-----")),
            new Shape("a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})")),
            new Shape("an npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
            new Shape("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")));

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9+/=_-]{24,}");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        input.dockerfile().globalArgs().forEach(arg -> args(arg, hits));
        for (Stage stage : input.dockerfile().stages()) {
            for (Instruction instruction : stage.instructions()) {
                switch (instruction) {
                    case Instruction.Env env -> pairs("ENV", env.location(), env.pairs(), hits);
                    case Instruction.Label label -> pairs("LABEL", label.location(), label.pairs(), hits);
                    case Instruction.Arg arg -> args(arg, hits);
                    case Instruction.Run run -> find(ShellCommands.script(run)).ifPresent(found ->
                            hits.add(new PracticeHit(run.location(), "RUN contains " + found)));
                    default -> { }
                }
            }
        }
        return hits;
    }

    private static void args(Instruction.Arg arg, List<PracticeHit> hits) {
        for (ArgDeclaration declaration : arg.declarations()) {
            declaration.defaultValue().flatMap(SecretValues::find).ifPresent(found -> hits.add(new PracticeHit(
                    arg.location(), "ARG " + declaration.name() + " has " + found + " as its default")));
        }
    }

    private static void pairs(String keyword, Location location, List<KeyValue> pairs, List<PracticeHit> hits) {
        for (KeyValue pair : pairs) {
            find(pair.value()).ifPresent(found -> hits.add(new PracticeHit(location,
                    keyword + " " + pair.key() + " holds " + found)));
        }
    }

    /** What secret {@code text} holds, described and redacted, if any. */
    static Optional<String> find(String text) {
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(text);
            if (matcher.find()) {
                return Optional.of(shape.name() + " (" + redact(matcher.group()) + ")");
            }
        }
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (word.chars().anyMatch(Character::isDigit) && word.chars().anyMatch(Character::isUpperCase)
                    && word.chars().anyMatch(Character::isLowerCase) && entropy(word) >= 4.3) {
                return Optional.of("a high-entropy token (" + redact(word) + ")");
            }
        }
        return Optional.empty();
    }

    static String redact(String secret) {
        return secret.substring(0, Math.min(4, secret.length())) + "…[redacted " + secret.length() + " chars]";
    }

    /** Shannon entropy in bits per character: random tokens are near 5-6, words and paths well below 4. */
    static double entropy(String word) {
        int[] counts = new int[128];
        word.chars().filter(c -> c < 128).forEach(c -> counts[c]++);
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / word.length();
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }

    private record Shape(String name, Pattern pattern) {
    }
}
