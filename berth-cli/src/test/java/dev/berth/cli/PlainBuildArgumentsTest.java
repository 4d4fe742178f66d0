package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** {@link PlainBuildArguments} reads a line as picocli does, or leaves it to picocli. */
class PlainBuildArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "build .",
        "build -q -t bench-out:startup /var/tmp/ctx",
        "build --quiet --tag=a:1 --tag b -f ctx/Dockerfile.dev ctx",
        "build ctx --file=Dockerfile --no-cache --pull --explain-cache --progress plain",
        "build --build-arg A=1 --build-arg B --label k=v --label=x=y=z --target final ctx",
        "build --platform linux/amd64 --iidfile /tmp/id --runtime crun --runtime-state /tmp/state --root /tmp/store ctx",
        "build -o type=local,dest=out --output=type=tar,dest=x.tar ctx",
        "build --tag= ctx",
        "build --pull=never ctx",
        "build --pull=always ctx",
        "build --pull ctx",
    })
    void readsAPlainLineAsPicocliDoes(String line) {
        String[] args = line.split(" ", -1);

        Optional<BuildCommand> plain = PlainBuildArguments.parse(args);

        assertThat(plain).isPresent();
        assertThat(describe(plain.get())).isEqualTo(describe(picocli(args)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "build", "images", "build --help", "build -h", "build -V", "build -", "build ctx other", "build -q -q ctx",
        "build -q --quiet ctx", "build -f a -f b ctx", "build --file=a -f b ctx", "build --secret id=a,src=f ctx",
        "build -t -q ctx", "build -tname ctx", "build -qt name ctx", "build @args", "build -t @x ctx", "build -- ctx",
        "build --quiet=true ctx", "build ctx -t", "build --unknown ctx", "build --root a --root b ctx",
        "build -t=x ctx", "build --iidfile a\0b ctx",
    })
    void leavesAnythingElseToPicocli(String line) {
        assertThat(PlainBuildArguments.parse(line.split(" ", -1))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"build --pull .|always|.", "build --pull never .|never|.", "build . --pull|always|.",
            "build --pull=missing .|missing|."})
    void pullAloneMeansAlwaysAndTakesOnlyAPolicyWordAsItsValue(String row) {
        String[] cells = row.split("\\|");
        BuildCommand build = picocli(cells[0].split(" "));
        assertThat(build.pull).isEqualTo(cells[1]);
        assertThat(build.context).isEqualTo(cells[2]);
    }

    @Test
    void aFailedBuildIsReportedAsPicocliReportsIt(@TempDir Path root) {
        String[] args = {"build", "--root", root.toString(), "-q", "-t", "x:1", root.resolve("missing").toString()};
        StringWriter picocliErr = new StringWriter();
        CommandLine commandLine = Main.forArguments(CommandLine.defaultFactory(), args);
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        commandLine.setErr(new PrintWriter(picocliErr, true));
        int picocliExit = commandLine.execute(args);
        ByteArrayOutputStream plainErr = new ByteArrayOutputStream();
        PrintStream processErr = System.err;
        System.setErr(new PrintStream(plainErr, true, StandardCharsets.UTF_8));
        int plainExit;
        try {
            plainExit = Main.run(args);
        } finally {
            System.setErr(processErr);
        }

        assertThat(plainExit).isEqualTo(picocliExit).isEqualTo(3);
        assertThat(plainErr.toString(StandardCharsets.UTF_8)).isEqualTo(picocliErr.toString())
                .startsWith("berth: reading Dockerfile ");
    }

    @Property(tries = 3000)
    void whateverItReadsPicocliReadsTheSame(@ForAll("buildLines") List<String> line) {
        String[] args = line.toArray(String[]::new);

        Optional<BuildCommand> plain = PlainBuildArguments.parse(args);

        plain.ifPresent(build -> assertThat(describe(build)).isEqualTo(describe(picocli(args))));
        // Not vacuous: some of the lines must be read without picocli.
        Statistics.label("read without picocli").collect(plain.isPresent())
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent >= 1.0));
    }

    @Provide
    Arbitrary<List<String>> buildLines() {
        List<String> tokens = new ArrayList<>(PlainBuildArguments.optionNames());
        tokens.addAll(List.of("--secret", "-h", "--help", "--", "-", "-tx", "-qt", "@f", "--tag=", "--tag=a=b",
                "--file=F", "--quiet=true", "--root=/r", "a", "b:1", "ctx", "-x", "", "A=1", "type=local,dest=d", "=",
                "-t=x"));
        return Arbitraries.of(tokens).list().ofMaxSize(9).map(rest -> {
            List<String> line = new ArrayList<>(List.of("build"));
            line.addAll(rest);
            return line;
        });
    }

    /** The command picocli makes of {@code args}; fails the test when picocli refuses them or wants help. */
    private static BuildCommand picocli(String... args) {
        CommandLine commandLine = Main.forArguments(CommandLine.defaultFactory(), args);
        ParseResult result = commandLine.parseArgs(args);
        ParseResult build = result.subcommand();
        assertThat(build.isUsageHelpRequested() || build.isVersionHelpRequested()).isFalse();
        return (BuildCommand) build.commandSpec().userObject();
    }

    private static String describe(BuildCommand build) {
        return String.join("\n", "root=" + build.store.root, "context=" + build.context, "file=" + build.file,
                "tags=" + build.tags, "buildArgs=" + build.buildArgs, "labels=" + build.labels,
                "target=" + build.target, "platform=" + build.platform, "iidFile=" + build.iidFile,
                "outputs=" + build.outputs, "runtime=" + build.runtime, "runtimeState=" + build.runtimeState,
                "secrets=" + build.secrets, "noCache=" + build.noCache, "pull=" + build.pull,
                "quiet=" + build.quiet, "progress=" + build.progress, "explainCache=" + build.explainCache);
    }
}
