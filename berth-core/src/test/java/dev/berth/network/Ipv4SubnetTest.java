package dev.berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.ConflictException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4SubnetTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.87.0.1", "255.255.255.255", "192.0.2.2"})
    void addressesPrintAsParsed(String text) {
        assertThat(Ipv4Address.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1.2.3.-4", "a.b.c.d", "1..2.3", "localhost",
            "0x7f.0.0.1", "1.2.3.4 "})
    void addressesAreDottedQuadsOnly(String text) {
        assertThat(Ipv4Address.isValid(text)).isFalse();
        assertThatThrownBy(() -> Ipv4Address.parse(text)).isInstanceOf(NetworkArgumentException.class)
                .hasMessage("invalid IP address: " + text);
    }

    @Test
    void addressesOrderAsUnsignedNumbers() {
        assertThat(Ipv4Address.parse("200.0.0.1")).isGreaterThan(Ipv4Address.parse("10.0.0.1"));
        assertThat(Ipv4Address.parse("10.87.0.255").plus(1)).isEqualTo(Ipv4Address.parse("10.87.1.0"));
        assertThat(Ipv4Address.parse("127.1.2.3").isLoopback()).isTrue();
        assertThat(Ipv4Address.parse("10.255.255.53").isLoopback()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.87.1.0/24", "0.0.0.0/0", "10.0.0.0/8", "192.0.2.7/32"})
    void subnetsPrintAsParsed(String text) {
        assertThat(Ipv4Subnet.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            10.87.1.1/24   | invalid subnet 10.87.1.1/24: it should be 10.87.1.0/24
            foo            | invalid CIDR address: foo
            10.0.0.0       | invalid CIDR address: 10.0.0.0
            10.0.0.0/33    | invalid CIDR address: 10.0.0.0/33
            10.0.0.0/08    | invalid CIDR address: 10.0.0.0/08
            10.0.0.0/      | invalid CIDR address: 10.0.0.0/
            10.0.0/24      | invalid CIDR address: 10.0.0/24
            """)
    void subnetsAreCanonicalCidr(String text, String message) {
        assertThatThrownBy(() -> Ipv4Subnet.parse(text)).isInstanceOf(NetworkArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void subnetsKnowTheirHostsAndOverlaps() {
        Ipv4Subnet subnet = Ipv4Subnet.parse("10.87.1.0/24");
        assertThat(subnet.size()).isEqualTo(256);
        assertThat(subnet.last()).isEqualTo(Ipv4Address.parse("10.87.1.255"));
        assertThat(subnet.isHost(Ipv4Address.parse("10.87.1.1"))).isTrue();
        assertThat(subnet.isHost(Ipv4Address.parse("10.87.1.0"))).isFalse();
        assertThat(subnet.isHost(Ipv4Address.parse("10.87.1.255"))).isFalse();
        assertThat(subnet.isHost(Ipv4Address.parse("10.87.2.1"))).isFalse();
        assertThat(subnet.overlaps(Ipv4Subnet.parse("10.87.0.0/16"))).isTrue();
        assertThat(Ipv4Subnet.parse("10.87.0.0/16").overlaps(subnet)).isTrue();
        assertThat(subnet.overlaps(Ipv4Subnet.parse("10.87.2.0/24"))).isFalse();
        assertThat(Ipv4Subnet.parse("0.0.0.0/0").overlaps(subnet)).isTrue();
        assertThat(Ipv4Subnet.containing(Ipv4Address.parse("192.0.2.77"), 24)).isEqualTo(Ipv4Subnet.parse("192.0.2.0/24"));
    }

    @Test
    void thePoolSkipsWhatIsTaken() {
        SubnetPool pool = new SubnetPool(Ipv4Subnet.parse("10.87.0.0/22"), 24);
        assertThat(pool.allocate(List.of())).isEqualTo(Ipv4Subnet.parse("10.87.0.0/24"));
        assertThat(pool.allocate(List.of(Ipv4Subnet.parse("10.87.0.0/24"), Ipv4Subnet.parse("10.87.1.128/25"))))
                .isEqualTo(Ipv4Subnet.parse("10.87.2.0/24"));
        assertThatThrownBy(() -> pool.allocate(List.of(Ipv4Subnet.parse("10.0.0.0/8"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("could not find an available, non-overlapping IPv4 address pool among the defaults");
    }

    @Test
    void hostRoutesComeFromProcNetRoute() {
        String table = """
                Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
                eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
                docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
                """;
        assertThat(HostRoutes.parse(table)).containsExactly(Ipv4Subnet.parse("192.0.2.0/24"),
                Ipv4Subnet.parse("172.17.0.0/16"));
    }
}
