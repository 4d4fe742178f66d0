package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0             | 0B
            999           | 999B
            1000          | 1kB
            1500          | 1.5kB
            1536          | 1.536kB
            2345678       | 2.346MB
            999999999     | 1000MB
            1000000000    | 1GB
            """)
    void formatsLikeDocker(long bytes, String expected) {
        assertThat(ByteSize.format(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            999           | 999B
            2091          | 2.09kB
            12345678      | 12.3MB
            """)
    void formatsImageSizesWithThreeDigitsLikeDockerImages(long bytes, String expected) {
        assertThat(ByteSize.format(bytes, 3)).isEqualTo(expected);
    }
}
