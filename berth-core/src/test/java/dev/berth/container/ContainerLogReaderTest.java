package dev.berth.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogReaderTest {

    private static final String T1 = "2026-01-02T15:04:05.999999999+00:00";
    private static final String T2 = "2026-01-02T16:04:06.000000001+01:00";

    @TempDir
    Path dir;

    @Test
    void parsesConmonsLines() {
        assertThat(LogLine.parse(T1 + " stdout F hello world")).contains(
                new LogLine(Instant.parse("2026-01-02T15:04:05.999999999Z"), LogStream.STDOUT, false, "hello world"));
        assertThat(LogLine.parse(T2 + " stderr P  two  spaces ")).contains(
                new LogLine(Instant.parse("2026-01-02T15:04:06.000000001Z"), LogStream.STDERR, true, " two  spaces "));
        assertThat(LogLine.parse(T1 + " stdout F ")).map(LogLine::text).contains("");
        assertThat(LogLine.parse(T1 + " stdout F")).map(LogLine::text).contains("");
    }

    @Test
    void refusesWhatIsNotTheFormat() {
        assertThat(LogLine.parse("")).isEmpty();
        assertThat(LogLine.parse("garbage")).isEmpty();
        assertThat(LogLine.parse(T1 + " stdin F x")).isEmpty();
        assertThat(LogLine.parse(T1 + " stdout X x")).isEmpty();
        assertThat(LogLine.parse("yesterday stdout F x")).isEmpty();
    }

    @Test
    void partialLinesAreJoinedPerStream() throws IOException {
        Path log = write(T1 + " stdout P abc\n" + T1 + " stderr F oops\n" + T2 + " stdout P def\n" + T2 + " stdout F ghi\n");
        List<LogLine> lines = new ContainerLogReader(log).poll();
        assertThat(lines).extracting(LogLine::stream, LogLine::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LogStream.STDERR, "oops"),
                org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "abcdefghi"));
        assertThat(lines.get(1).time()).isEqualTo(Instant.parse("2026-01-02T15:04:05.999999999Z"));
        assertThat(lines.get(1).bytes()).isEqualTo("abcdefghi\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aLineStillBeingWrittenWaitsForItsNewline() throws IOException {
        Path log = write(T1 + " stdout F one\n" + T1 + " stdout F tw");
        var reader = new ContainerLogReader(log);
        assertThat(reader.poll()).extracting(LogLine::text).containsExactly("one");
        Files.writeString(log, "o\n" + T1 + " stdout P no newline\n", StandardOpenOption.APPEND);
        assertThat(reader.poll()).extracting(LogLine::text).containsExactly("two");
        assertThat(reader.poll()).isEmpty();
        List<LogLine> rest = reader.flush();
        assertThat(rest).extracting(LogLine::text).containsExactly("no newline");
        assertThat(rest.getFirst().bytes()).isEqualTo("no newline".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aRotatedLogIsReadFromItsStart() throws IOException {
        Path log = write(T1 + " stdout F old-1\n" + T1 + " stdout F old-2\n");
        var reader = new ContainerLogReader(log);
        assertThat(reader.poll()).hasSize(2);
        // conmon writes the new file beside the old and renames it into place.
        Path fresh = Files.writeString(dir.resolve("ctr.log.tmp"), T2 + " stdout F new-1\n");
        Files.move(fresh, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(reader.poll()).extracting(LogLine::text).containsExactly("new-1");
        // A log truncated in place (shorter than what was read) is read again too.
        Files.writeString(log, T2 + " stdout F x\n");
        assertThat(reader.poll()).extracting(LogLine::text).containsExactly("x");
    }

    @Test
    void aMissingLogHasNoLinesYet() throws IOException {
        assertThat(new ContainerLogReader(dir.resolve("none.log")).poll()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8ComeBackUnchanged() throws IOException {
        byte[] text = {(byte) 0xff, (byte) 0xc3, 'a', (byte) 0x80};
        Path log = dir.resolve("ctr.log");
        Files.write(log, (T1 + " stdout F ").getBytes(StandardCharsets.US_ASCII));
        Files.write(log, text, StandardOpenOption.APPEND);
        Files.write(log, new byte[] {'\n'}, StandardOpenOption.APPEND);
        assertThat(new ContainerLogReader(log).poll().getFirst().bytes())
                .isEqualTo(new byte[] {(byte) 0xff, (byte) 0xc3, 'a', (byte) 0x80, '\n'});
    }

    @Test
    void tailSinceAndTimestampsSelectAndPrefixLines() throws IOException {
        write(T1 + " stdout F a\n" + T1 + " stderr F b\n" + T2 + " stdout P c\n" + T2 + " stdout F d\n" + T2 + " stdout P e");
        var directory = new ContainerDirectory(dir, "x".repeat(64));
        assertThat(logs(directory, new LogOptions(false, java.util.OptionalInt.empty(), false, Optional.empty())))
                .isEqualTo("1a\n2b\n1cd\n1e");
        assertThat(logs(directory, new LogOptions(false, java.util.OptionalInt.of(2), false, Optional.empty())))
                .isEqualTo("1cd\n1e");
        assertThat(logs(directory, new LogOptions(false, java.util.OptionalInt.of(0), false, Optional.empty()))).isEmpty();
        assertThat(logs(directory, new LogOptions(false, java.util.OptionalInt.empty(), false,
                Optional.of(Instant.parse("2026-01-02T15:04:06Z"))))).isEqualTo("1cd\n1e");
        assertThat(logs(directory, new LogOptions(false, java.util.OptionalInt.of(1), true, Optional.empty())))
                .isEqualTo("12026-01-02T15:04:06.000000001Z e");
    }

    @Test
    void followingAnExitedContainerReadsToTheEnd() throws IOException {
        write(T1 + " stdout F a\n" + T1 + " stdout P b");
        var directory = new ContainerDirectory(dir, "x".repeat(64));
        assertThat(logs(directory, new LogOptions(true, java.util.OptionalInt.empty(), false, Optional.empty())))
                .isEqualTo("1a\n1b");
    }

    private static String logs(ContainerDirectory directory, LogOptions options) {
        var out = new StringBuilder();
        ContainerLogs.copy(directory, options, (stream, bytes) ->
                out.append(stream == LogStream.STDOUT ? "1" : "2").append(new String(bytes, StandardCharsets.ISO_8859_1)),
                () -> false);
        return out.toString();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("ctr.log"), content);
    }
}
