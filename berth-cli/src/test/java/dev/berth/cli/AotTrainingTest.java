package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AotTrainingTest {

    /** The launcher records its AOT cache from this run: a command that starts failing trains nothing. */
    @Test
    void everyTrainingCommandSucceeds() throws IOException {
        PrintStream err = System.err;
        ByteArrayOutputStream reported = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(reported, true, StandardCharsets.UTF_8));
            AotTraining.main(new String[0]);
        } finally {
            System.setErr(err);
        }

        assertThat(reported.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(System.err).isSameAs(err);
    }
}
