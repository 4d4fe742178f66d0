package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ps --filter} values as Docker's client and daemon (20.10) take or refuse them. */
class ContainerFilterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            foo                  | bad format of filter (expected name=value)
            foo=1                | invalid filter 'foo'
            FOO=1                | invalid filter 'foo'
            status=foo           | invalid filter 'status=foo'
            status=              | invalid filter 'status='
            status=Running       | invalid filter 'status=Running'
            exited=abc           | strconv.Atoi: parsing "abc": invalid syntax
            exited=              | strconv.Atoi: parsing "": invalid syntax
            exited=99999999999999999999 | strconv.Atoi: parsing "99999999999999999999": value out of range
            health=x             | Unrecognised filter value for health: x
            health=              | 'Unrecognised filter value for health: '
            is-task=x            | invalid filter 'is-task=[x]'
            publish=1:2          | filter for 'publish' should not contain ':': 1:2
            publish=abc          | error while looking up for publish abc: strconv.ParseUint: parsing "abc": invalid syntax
            publish=             | error while looking up for publish : Empty string specified for ports.
            expose=70000         | error while looking up for expose 70000: strconv.ParseUint: parsing "70000": value out of range
            expose=90-80         | error while looking up for expose 90-80: Invalid range specified for the Port: 90-80
            expose=+80           | error while looking up for expose +80: strconv.ParseUint: parsing "+80": invalid syntax
            """)
    void refuses(String filter, String message) {
        assertThatThrownBy(() -> ContainerFilter.parse(List.of(filter)))
                .isInstanceOf(InvalidInputException.class).hasMessage("--filter:1: " + message);
    }

    @Test
    void keysAreLowerCasedAndBothSidesTrimmed() {
        ContainerFilter filter = ContainerFilter.parse(List.of(" Name = web ", "LABEL=a=b", "exited=-1", "exited=+2"));
        assertThat(filter.names()).containsExactly("web");
        assertThat(filter.labels()).containsExactly("a=b");
        assertThat(filter.exited()).containsExactly(-1L, 2L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            publish=80          | 80/tcp
            publish=80/         | 80/tcp
            publish=53/udp      | 53/udp
            publish=80-82/sctp  | 80/sctp 81/sctp 82/sctp
            publish=80/xyz      | 80/xyz
            """)
    void portsAndRanges(String filter, String expected) {
        Set<ContainerFilter.Port> ports = ContainerFilter.parse(List.of(filter)).publish();
        assertThat(ports).containsExactlyInAnyOrderElementsOf(Arrays.stream(expected.split(" ")).map(port -> {
            String[] parts = port.split("/");
            return new ContainerFilter.Port(Integer.parseInt(parts[0]), parts[1]);
        }).toList());
    }

    @Test
    void theLastBeforeAndSinceCountAndStatusListsAll() {
        ContainerFilter filter = ContainerFilter.parse(List.of("before=a", "before=b", "since=c", "status=exited"));
        assertThat(filter.before()).contains("b");
        assertThat(filter.since()).contains("c");
        assertThat(filter.listsAll()).isTrue();
        assertThat(ContainerFilter.parse(List.of("exited=0")).listsAll()).isFalse();
    }

    @Test
    void isTaskAndIsolation() {
        assertThat(ContainerFilter.parse(List.of("is-task=true")).task()).contains(true);
        assertThat(ContainerFilter.parse(List.of("is-task=x", "is-task=false")).task()).contains(false);
        assertThat(ContainerFilter.parse(List.of("isolation=process"))).isEqualTo(ContainerFilter.NONE);
        assertThat(ContainerFilter.parse(List.of()).isEmpty()).isTrue();
        assertThat(ContainerFilter.parse(List.of("is-task=false")).task()).isEqualTo(Optional.of(false));
    }
}
