package dev.berth.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known orderings of each ecosystem, each pair strictly ascending (and its reverse checked too). */
class VersionOrderTableTest {

    static Stream<Arguments> ascending() {
        VersionOrder dpkg = new DpkgVersionOrder();
        VersionOrder apk = new ApkVersionOrder();
        VersionOrder maven = new MavenVersionOrder();
        VersionOrder pep = new Pep440VersionOrder();
        VersionOrder semver = new SemverVersionOrder();
        return Stream.of(
                Arguments.of(dpkg, "2.38.1-5+deb12u3", "1:2.0"),
                Arguments.of(dpkg, "1.0~rc1", "1.0"),
                Arguments.of(dpkg, "1.0", "1.0+b1"),
                Arguments.of(dpkg, "1.0-1", "1.0-1+deb12u1"),
                Arguments.of(apk, "1.2.3-r0", "1.2.3-r1"),
                Arguments.of(apk, "1.2.3_rc1", "1.2.3"),
                Arguments.of(apk, "1.2.3", "1.2.3_p1"),
                Arguments.of(apk, "1.2.3", "1.2.3a"),
                Arguments.of(apk, "1.2.9", "1.2.10"),
                Arguments.of(apk, "3.0.12-r1", "3.1.4-r0"),
                Arguments.of(maven, "1.0-alpha-1", "1.0-beta"),
                Arguments.of(maven, "1.0-beta", "1.0-rc1"),
                Arguments.of(maven, "1.0-rc1", "1.0-SNAPSHOT"),
                Arguments.of(maven, "1.0-SNAPSHOT", "1.0"),
                Arguments.of(maven, "1.0", "1.0-sp1"),
                Arguments.of(maven, "1.0", "1.0.1"),
                Arguments.of(maven, "2.9.10", "2.9.10.1"),
                Arguments.of(maven, "2.12.7", "2.13.0"),
                Arguments.of(maven, "1.0.0.M1", "1.0.0.RC1"),
                Arguments.of(pep, "1.0.dev0", "1.0a1"),
                Arguments.of(pep, "1.0a1", "1.0b1"),
                Arguments.of(pep, "1.0rc1", "1.0"),
                Arguments.of(pep, "1.0", "1.0+local"),
                Arguments.of(pep, "1.0+local", "1.0.post1"),
                Arguments.of(pep, "1.0", "1!0.1"),
                Arguments.of(semver, "1.0.0-alpha", "1.0.0-alpha.1"),
                Arguments.of(semver, "1.0.0-alpha.1", "1.0.0-alpha.beta"),
                Arguments.of(semver, "1.0.0-beta.2", "1.0.0-beta.11"),
                Arguments.of(semver, "1.0.0-rc.1", "1.0.0"),
                Arguments.of(semver, "v1.9.0", "1.10.0"),
                Arguments.of(semver, "0.0.0-20230101000000-abcdef", "0.1.0"));
    }

    @ParameterizedTest
    @MethodSource("ascending")
    void ordersAsTheEcosystemDoes(VersionOrder order, String lower, String higher) {
        assertThat(order.compare(lower, higher)).as("%s < %s", lower, higher).isNegative();
        assertThat(order.compare(higher, lower)).as("%s > %s", higher, lower).isPositive();
    }

    static Stream<Arguments> equal() {
        return Stream.of(
                Arguments.of(new DpkgVersionOrder(), "1.0", "0:1.0-0"),
                Arguments.of(new MavenVersionOrder(), "1.0", "1.0.0-ga"),
                Arguments.of(new MavenVersionOrder(), "1.0-final", "1"),
                Arguments.of(new Pep440VersionOrder(), "1.0", "1.0.0"),
                Arguments.of(new Pep440VersionOrder(), "1.0-1", "1.0.post1"),
                Arguments.of(new SemverVersionOrder(), "1.0.0+build1", "1.0.0+build2"),
                Arguments.of(new ApkVersionOrder(), "1.2.3", "1.2.3-r0"));
    }

    @ParameterizedTest
    @MethodSource("equal")
    void equalVersions(VersionOrder order, String a, String b) {
        assertThat(order.compare(a, b)).isZero();
        assertThat(order.compare(b, a)).isZero();
    }
}
