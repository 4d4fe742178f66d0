package dev.berth.container;

import dev.berth.error.ExecutionException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Docker's container names: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+} (one leading {@code /} is accepted and dropped, as
 * Docker stores names with it), and, when none is given, an {@code adjective_surname} pair. The words are Berth's
 * own: adjectives of character and surnames of people who shaped computing and mathematics.
 */
public final class ContainerNames {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    /** After this many taken pairs, a digit is appended, as Docker does after its retries. */
    private static final int PLAIN_ATTEMPTS = 10;

    static final List<String> ADJECTIVES = List.of(
            "able", "agile", "amiable", "ardent", "avid", "bold", "brave", "bright", "brisk", "calm",
            "candid", "careful", "cheerful", "civil", "clever", "cosy", "crisp", "curious", "daring", "deft",
            "diligent", "eager", "earnest", "elated", "fearless", "fervent", "fond", "frank", "gallant", "gentle",
            "gifted", "glad", "graceful", "hardy", "hearty", "honest", "humble", "jolly", "jovial", "keen",
            "kind", "lively", "loyal", "lucid", "merry", "mellow", "modest", "nimble", "noble", "patient",
            "placid", "plucky", "polite", "proud", "quick", "quiet", "radiant", "ready", "robust", "serene",
            "sharp", "sincere", "smart", "spry", "steady", "stoic", "sturdy", "sunny", "swift", "tender",
            "thrifty", "tidy", "tranquil", "upbeat", "valiant", "vivid", "warm", "wise", "witty", "zesty");

    static final List<String> SURNAMES = List.of(
            "allen", "babbage", "backus", "bartik", "bell", "berners", "boole", "borg", "cantor", "cerf",
            "church", "codd", "conway", "corbato", "cray", "dijkstra", "engelbart", "erdos", "euler", "fermat",
            "floyd", "gauss", "godel", "goldberg", "hamming", "hartree", "hilbert", "hoare", "holberton", "hopper",
            "huffman", "iverson", "jacquard", "kahan", "karp", "kay", "kernighan", "kildall", "knuth", "lamport",
            "leibniz", "liskov", "lovelace", "mccarthy", "milner", "minsky", "naur", "neumann", "noether", "nygaard",
            "pascal", "perlis", "postel", "rabin", "ritchie", "sammet", "shannon", "shaw", "sutherland", "tarjan",
            "thompson", "torvalds", "turing", "ullman", "wheeler", "wilkes", "wirth", "zuse");

    /** Never generated, for the same reason Docker never names a container {@code boring_wozniak}. */
    private static final Set<String> AVOIDED = Set.of("humble_borg");

    private ContainerNames() {
    }

    /**
     * The name as stored (without Docker's leading {@code /}).
     *
     * @throws ExecutionException with Docker's text when the name breaks the rule
     */
    public static String checked(String name) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        if (!VALID.matcher(bare).matches()) {
            throw new ExecutionException("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        return bare;
    }

    /** Whether {@code name} is a valid container name. */
    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** A fresh {@code adjective_surname} that {@code taken} does not hold (a digit appended after some tries). */
    public static String generate(RandomGenerator random, Predicate<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
                    + SURNAMES.get(random.nextInt(SURNAMES.size()));
            if (AVOIDED.contains(name)) {
                continue;
            }
            if (attempt >= PLAIN_ATTEMPTS) {
                name += random.nextInt(10);
            }
            if (!taken.test(name)) {
                return name;
            }
        }
    }
}
