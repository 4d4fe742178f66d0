package dev.berth.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rpm's order, each row {@code a | b | sign}; every row is what rpm 4.18's own {@code rpm.vercmp} gives
 * (checked with the host's rpm when written; {@code RpmVersionOrderProperties} asks it about random pairs), and the
 * reverse pair gives the opposite sign.
 */
class RpmVersionOrderTest {

    static final String ROWS = """
            1.0           | 1.0            |  0
            1.0~rc1       | 1.0            | -1
            1.0~rc1       | 1.0~rc2        | -1
            1.0~~         | 1.0~           | -1
            1.0           | 1.0^git1       | -1
            1.0^git1      | 1.0.1          | -1
            1.0^          | 1.0            |  1
            1.0^git1      | 1.0~rc1        |  1
            1.0a          | 1.0            |  1
            1.0           | 1.0.0          | -1
            1.01          | 1.1            |  0
            2.0           | 10             | -1
            a             | b              | -1
            abc           | 123            | -1
            1.0           | 1a             |  1
            1_0           | 1.0            |  0
            1.0+          | 1.0            |  0
            5.5p1         | 5.5p10         | -1
            5.5p2         | 5.5p10         | -1
            000100        | 100            |  0
            12345678901234567890 | 12345678901234567891 | -1
            1:1.0-1       | 2.0-1          |  1
            0:1.0-1       | 1.0-1          |  0
            1.0-1.el9     | 1.0-2.el9      | -1
            1.0           | 1.0-1          | -1
            3.0.7-27.el9  | 3.0.7-27.el9_2 | -1
            1:3.0.7-27.el9 | 1:3.0.7-28.el9 | -1
            2:1.2.3-4.el9 | 1:9.9-9       |  1
            1.9.5p2-10.el9_6.1 | 1.9.5p2-10.el9_6 | 1
            1.2.3-4.module+el9.8.0+24958+80b2ac6e | 1.2.3-4.module+el9.8.0+24958+80b2ac6f | -1
            """;

    private final RpmVersionOrder order = new RpmVersionOrder();

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = ROWS)
    void comparesAsRpmDoes(String a, String b, int sign) {
        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(sign);
        assertThat(Integer.signum(order.compare(b, a))).isEqualTo(-sign);
    }
}
