package dev.berth.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Our PEP 440 order against Python's {@code packaging.version.Version}, 40 pairs per Python process; skipped
 * where {@code python3 -c 'import packaging'} fails.
 */
class Pep440VersionOrderProperties {

    private static final String SCRIPT = """
            import sys
            from packaging.version import Version
            for line in sys.stdin:
                a, b = line.rstrip("\\n").split("\\t")
                x, y = Version(a), Version(b)
                print(-1 if x < y else 0 if x == y else 1)
            """;

    private final Pep440VersionOrder order = new Pep440VersionOrder();

    @Property(tries = 25)
    void agreesWithPackaging(@ForAll("batches") List<String> pairs) throws Exception {
        List<Integer> expected = packaging(pairs);
        for (int i = 0; i < pairs.size(); i++) {
            String[] pair = pairs.get(i).split("\t");
            assertThat(Integer.signum(order.compare(pair[0], pair[1]))).as("%s vs %s", pair[0], pair[1])
                    .isEqualTo(expected.get(i));
        }
    }

    @Provide
    Arbitrary<List<String>> batches() {
        return Combinators.combine(versions(), versions()).as((a, b) -> a + "\t" + b).list().ofSize(40);
    }

    private static Arbitrary<String> versions() {
        Arbitrary<String> epoch = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 2).map(n -> n + "!"));
        Arbitrary<String> release = Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join(".", parts.stream().map(String::valueOf).toList()));
        Arbitrary<String> pre = Arbitraries.oneOf(Arbitraries.just(""), Combinators.combine(
                Arbitraries.of("a", "b", "rc", "alpha", "beta", "c", "pre", "preview", ".a", "-rc"),
                Arbitraries.of("", "0", "1", "2")).as((kind, n) -> kind + n));
        Arbitrary<String> post = Arbitraries.of("", ".post1", ".post0", "-1", "post2", ".rev1", "");
        Arbitrary<String> dev = Arbitraries.of("", ".dev0", ".dev1", "dev", "");
        Arbitrary<String> local = Arbitraries.of("", "+ubuntu1", "+1", "+abc.2", "+2.abc", "+local.1.a", "");
        return Combinators.combine(epoch, release, pre, post, dev, local).as((e, r, p, po, d, l) -> e + r + p + po + d + l);
    }

    private static List<Integer> packaging(List<String> pairs) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", SCRIPT).start();
        } catch (java.io.IOException e) {
            assumeThat(false).as("python3 is not installed").isTrue();
            return List.of();
        }
        process.getOutputStream().write((String.join("\n", pairs) + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assumeThat(err).as("Python's packaging is not installed").doesNotContain("No module named 'packaging'");
        assertThat(process.exitValue()).as(err).isZero();
        List<Integer> results = new ArrayList<>();
        out.lines().forEach(line -> results.add(Integer.parseInt(line.strip())));
        return results;
    }
}
