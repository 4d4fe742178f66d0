package dev.berth.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Our rpm order against the host's rpm (Debian's package {@code rpm}, which {@code .ci/run} installs): its Lua
 * {@code rpm.vercmp}, which parses {@code [epoch:]version[-release]} and compares as {@code rpmverCmp} does.
 */
class RpmVersionOrderProperties {

    private final RpmVersionOrder order = new RpmVersionOrder();

    @Property(tries = 150)
    void agreesWithRpm(@ForAll("versions") String a, @ForAll("versions") String b) throws Exception {
        assertThat(Integer.signum(order.compare(a, b))).as("%s vs %s", a, b).isEqualTo(rpm(a, b));
    }

    @Property(tries = 500)
    void isAntisymmetric(@ForAll("versions") String a, @ForAll("versions") String b) {
        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(-Integer.signum(order.compare(b, a)));
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> epoch = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 3)
                .map(n -> n + ":"));
        Arbitrary<String> version = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.strings().withChars("0123456789.~^_+abz").ofMaxLength(6)).as((n, rest) -> n + rest);
        Arbitrary<String> release = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("0123456789._~^elz").ofMinLength(1).ofMaxLength(6).map(r -> "-" + r));
        return Combinators.combine(epoch, version, release).as((e, v, r) -> e + v + r)
                .edgeCases(config -> config.add("1.0").add("1.0~rc1").add("1.0^git1").add("1:3.0.7-27.el9_2"));
    }

    private static int rpm(String a, String b) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("rpm", "--eval",
                "%{lua: print(rpm.vercmp(\"" + a + "\", \"" + b + "\"))}").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("rpm on %s vs %s", a, b).matches("-?[01]");
        return Integer.parseInt(output);
    }
}
