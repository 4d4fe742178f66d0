package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Docker's {@code splitCpArg}: which {@code cp} argument names a container. */
class CpArgumentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            web:/etc/hosts    | web  | /etc/hosts
            web:etc           | web  | etc
            web:              | web  | ''
            /tmp/a:b          | ''   | /tmp/a:b
            ./a:b             | ''   | ./a:b
            file              | ''   | file
            -                 | ''   | -
            """)
    void splitsAsDocker(String argument, String container, String path) {
        assertThat(CpCommand.CopyArgument.parse(argument)).isEqualTo(new CpCommand.CopyArgument(container, path));
    }
}
