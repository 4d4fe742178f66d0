package dev.berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code -p} as Docker's CLI parses it. The error texts are those docker 28.2.2's client prints for the same values
 * (checked with {@code docker create -p VALUE busybox}, which parses before it needs the daemon); container port 0
 * and host ranges from 0, which the client lets through to the daemon, are refused here.
 */
class PublishedPortTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # spec                   | host ip   | host start | host end | ctr start | ctr end | protocol
            80                       | ''        | 0          | 0        | 80        | 80      | TCP
            8080:80                  | ''        | 8080       | 8080     | 80        | 80      | TCP
            127.0.0.1:8080:80        | 127.0.0.1 | 8080       | 8080     | 80        | 80      | TCP
            127.0.0.1::80            | 127.0.0.1 | 0          | 0        | 80        | 80      | TCP
            ::80                     | ''        | 0          | 0        | 80        | 80      | TCP
            53/udp                   | ''        | 0          | 0        | 53        | 53      | UDP
            5353:53/UDP              | ''        | 5353       | 5353     | 53        | 53      | UDP
            9/sctp                   | ''        | 0          | 0        | 9         | 9       | SCTP
            8080:80/                 | ''        | 8080       | 8080     | 80        | 80      | TCP
            80/tcp/x                 | ''        | 0          | 0        | 80        | 80      | TCP
            8000-8005:80-85          | ''        | 8000       | 8005     | 80        | 85      | TCP
            8000-8005:80-85/udp      | ''        | 8000       | 8005     | 80        | 85      | UDP
            80-85                    | ''        | 0          | 0        | 80        | 85      | TCP
            8000-8010:80             | ''        | 8000       | 8010     | 80        | 80      | TCP
            1-2-3:80                 | ''        | 1          | 2        | 80        | 80      | TCP
            0:80                     | ''        | 0          | 0        | 80        | 80      | TCP
            08080:080                | ''        | 8080       | 8080     | 80        | 80      | TCP
            [::1]:80:80              | ::1       | 80         | 80       | 80        | 80      | TCP
            [fe80::1]::53/udp        | fe80::1   | 0          | 0        | 53        | 53      | UDP
            ::1::80                  | ::1       | 0          | 0        | 80        | 80      | TCP
            [1.2.3.4]:80:80          | 1.2.3.4   | 80         | 80       | 80        | 80      | TCP
            """)
    void parses(String spec, String hostIp, int hostStart, int hostEnd, int containerStart, int containerEnd,
            TransportProtocol protocol) {
        assertThat(PublishedPort.parse(spec))
                .isEqualTo(new PublishedPort(hostIp, hostStart, hostEnd, containerStart, containerEnd, protocol));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''               | no port specified: <empty>
            foo              | invalid containerPort: foo
            1.2.3.4.5:80:80  | invalid IP address: 1.2.3.4.5
            01.2.3.4:80:80   | invalid IP address: 01.2.3.4
            a:b:c:80         | invalid IP address: a:b
            1:2:3:4:80       | invalid IP address: 1:2:3
            8080:            | no port specified: 8080:<empty>
            /tcp             | no port specified: /tcp<empty>
            80/xyz           | invalid proto: xyz
            8000-8005:80-81  | invalid ranges specified for container and host Ports: 80-81 and 8000-8005
            8080:80-81       | invalid ranges specified for container and host Ports: 80-81 and 8080
            80-70            | invalid containerPort: 80-70
            80-              | invalid containerPort: 80-
            -80              | invalid containerPort: -80
            70000            | invalid containerPort: 70000
            1.2.3.4:80       | invalid hostPort: 1.2.3.4
            abc:80           | invalid hostPort: abc
            -1:80            | invalid hostPort: -1
            65536:80         | invalid hostPort: 65536
            '80:80 '         | 'invalid containerPort: 80 '
            ' 80'            | 'invalid containerPort:  80'
            [::1:80:80       | invalid IP address [::1: address [::1:: missing ']' in address
            [::1]x:80:80     | invalid IP address [::1]x: address [::1]x:: missing port in address
            [[::1]:80:80     | invalid IP address [[::1]: address [[::1]:: unexpected '[' in address
            0                | invalid containerPort: 0
            0-10:80          | invalid hostPort: 0-10
            """)
    void refusesWithDockersMessage(String spec, String message) {
        assertThatThrownBy(() -> PublishedPort.parse(spec)).isInstanceOf(NetworkArgumentException.class)
                .hasMessage(message).extracting(e -> ((NetworkArgumentException) e).text()).isEqualTo(spec);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            80                | true
            8080:80           | false
            8000-8010:80      | true
            8000-8005:80-85   | false
            80-85             | true
            """)
    void saysWhetherTheHostPortIsChosen(String spec, boolean chosen) {
        assertThat(PublishedPort.parse(spec).hostPortChosen()).isEqualTo(chosen);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            80                  | 80/tcp
            127.0.0.1:8080:80   | 127.0.0.1:8080:80/tcp
            8000-8005:80-85/udp | 8000-8005:80-85/udp
            [::1]::53/udp       | [::1]::53/udp
            """)
    void printsBackAsASpec(String spec, String printed) {
        assertThat(PublishedPort.parse(spec).toString()).isEqualTo(printed);
        assertThat(PublishedPort.parse(printed)).isEqualTo(PublishedPort.parse(spec));
    }
}
