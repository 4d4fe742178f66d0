package dev.berth.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Our dpkg order against the real {@code dpkg --compare-versions} on this host (a Debian package of the machine). */
class DpkgVersionOrderProperties {

    private final DpkgVersionOrder order = new DpkgVersionOrder();

    @Property(tries = 300)
    void agreesWithDpkgCompareVersions(@ForAll("versions") String a, @ForAll("versions") String b) throws Exception {
        int expected = dpkgLess(a, b) ? -1 : dpkgEqual(a, b) ? 0 : 1;
        assertThat(Integer.signum(order.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
    }

    @Property(tries = 500)
    void isAntisymmetric(@ForAll("versions") String a, @ForAll("versions") String b) {
        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(-Integer.signum(order.compare(b, a)));
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> epoch = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 3)
                .map(n -> n + ":"));
        Arbitrary<String> upstream = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.strings().withChars("0123456789.~+abz").ofMaxLength(6)).as((n, rest) -> n + rest);
        Arbitrary<String> revision = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("0123456789.~+bdeu").ofMinLength(1).ofMaxLength(6).map(r -> "-" + r));
        return Combinators.combine(epoch, upstream, revision).as((e, u, r) -> e + u + r)
                .edgeCases(config -> config.add("1.0").add("1.0~rc1").add("1:0.1").add("2.38.1-5+deb12u3"));
    }

    private static boolean dpkgLess(String a, String b) throws IOException, InterruptedException {
        return dpkg(a, "lt", b);
    }

    private static boolean dpkgEqual(String a, String b) throws IOException, InterruptedException {
        return dpkg(a, "eq", b);
    }

    private static boolean dpkg(String a, String op, String b) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("dpkg", "--compare-versions", a, op, b)
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int code = process.exitValue();
        assertThat(code).as("dpkg on %s %s %s: %s", a, op, b, new String(output)).isIn(0, 1);
        return code == 0;
    }
}
