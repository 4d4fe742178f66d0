package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.ContainerSummary;
import dev.berth.image.Digest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code berth ps}'s table: Docker's columns, its 20-character command quoted as Go quotes, short IDs. */
class ContainerTableTest {

    private static final Instant NOW = Instant.parse("2026-01-02T15:04:05Z");
    private static final String ID = "0123456789abcdef".repeat(4);

    @Test
    void printsDockersColumnsWithTheCommandTruncatedAndQuoted() {
        var web = row(ID, "web", List.of("sh", "-c", "echo hi; sleep 1000"), "running", "Up 5 seconds");
        var old = row("f".repeat(64), "old", List.of("true"), "exited", "Exited (137) 2 minutes ago");

        assertThat(print(new PsCommand(), List.of(web, old))).isEqualTo("""
                CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS                       PORTS     NAMES
                0123456789ab   busybox   "sh -c 'echo hi; sle…"   10 seconds ago   Up 5 seconds                           web
                ffffffffffff   busybox   "true"                   10 seconds ago   Exited (137) 2 minutes ago             old
                """);
    }

    @Test
    void noTruncShowsTheWholeIdAndCommand() {
        PsCommand ps = new PsCommand();
        ps.noTrunc = true;
        String table = print(ps, List.of(row(ID, "web", List.of("sh", "-c", "echo hi; sleep 1000"), "running", "Up")));
        assertThat(table).contains(ID + "   busybox   \"sh -c 'echo hi; sleep 1000'\"");
    }

    @Test
    void quietPrintsShortIds() {
        PsCommand ps = new PsCommand();
        ps.quiet = true;
        assertThat(print(ps, List.of(row(ID, "web", List.of("true"), "running", "Up")))).isEqualTo("0123456789ab\n");
    }

    @Test
    void emptyPrintsTheHeaderAlone() {
        assertThat(print(new PsCommand(), List.of()))
                .isEqualTo("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
    }

    @Test
    void quotesAsGoDoes() {
        assertThat(ContainerTable.quote("a\"b\\c\td\n\u0001é…")).isEqualTo("\"a\\\"b\\\\c\\td\\n\\x01é…\"");
        assertThat(ContainerTable.ellipsis("12345678901234567890", 20)).isEqualTo("12345678901234567890");
        assertThat(ContainerTable.ellipsis("123456789012345678901", 20)).isEqualTo("1234567890123456789…");
    }

    private static String print(PsCommand ps, List<ContainerSummary> rows) {
        StringWriter text = new StringWriter();
        ps.print(rows, NOW, new PrintWriter(text));
        return text.toString();
    }

    private static ContainerSummary row(String id, String name, List<String> command, String state, String status) {
        return new ContainerSummary(id, name, "busybox", Digest.sha256("config".getBytes()), command,
                NOW.minus(Duration.ofSeconds(10)), state, status, OptionalInt.empty(), Map.of());
    }
}
