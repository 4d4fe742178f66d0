package dev.berth.dockerfile.instruction;

import static dev.berth.dockerfile.instruction.TestNodes.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.dockerfile.instruction.ShellOrExec.ExecForm;
import dev.berth.dockerfile.instruction.ShellOrExec.ShellForm;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every keyword's typed result, one row per form. */
class InstructionParserTest {

    static Stream<Arguments> instructions() {
        return Stream.of(
                row("FROM alpine:3.20", l -> new Instruction.From(l, "alpine:3.20", Optional.empty(), Optional.empty())),
                row("FROM --platform=$BUILDPLATFORM golang AS Build", l -> new Instruction.From(l, "golang",
                        Optional.of("Build"), Optional.of("$BUILDPLATFORM"))),
                row("from scratch as out", l -> new Instruction.From(l, "scratch", Optional.of("out"), Optional.empty())),
                row("RUN make all", l -> new Instruction.Run(l, new ShellForm("make all"), List.of(), Optional.empty(),
                        Optional.empty(), List.of())),
                row("RUN [\"make\", \"all\"]", l -> new Instruction.Run(l, new ExecForm(List.of("make", "all")),
                        List.of(), Optional.empty(), Optional.empty(), List.of())),
                row("RUN --network=none --security=insecure --mount=type=tmpfs,target=/t,size=1m true",
                        l -> new Instruction.Run(l, new ShellForm("true"),
                                List.of(new Mount.Tmpfs(Optional.of("/t"), OptionalLong.of(1 << 20))),
                                Optional.of(NetworkMode.NONE), Optional.of(SecurityMode.INSECURE), List.of())),
                row("CMD [\"nginx\", \"-g\", \"daemon off;\"]",
                        l -> new Instruction.Cmd(l, new ExecForm(List.of("nginx", "-g", "daemon off;")))),
                row("CMD echo hi", l -> new Instruction.Cmd(l, new ShellForm("echo hi"))),
                row("ENTRYPOINT [\"/bin/app\"]", l -> new Instruction.Entrypoint(l, new ExecForm(List.of("/bin/app")))),
                row("ENTRYPOINT exec app", l -> new Instruction.Entrypoint(l, new ShellForm("exec app"))),
                row("SHELL [\"/bin/bash\", \"-c\"]", l -> new Instruction.Shell(l, List.of("/bin/bash", "-c"))),
                row("LABEL a=1 b=\"two\"", l -> new Instruction.Label(l,
                        List.of(new KeyValue("a", "1"), new KeyValue("b", "\"two\"")))),
                row("MAINTAINER Jane <jane@example.com>", l -> new Instruction.Maintainer(l, "Jane <jane@example.com>")),
                row("EXPOSE 80 443/tcp 53/udp 8000-8010/sctp $PORT", l -> new Instruction.Expose(l,
                        List.of("80", "443/tcp", "53/udp", "8000-8010/sctp", "$PORT"))),
                row("ENV PATH=/opt/bin:$PATH X=", l -> new Instruction.Env(l,
                        List.of(new KeyValue("PATH", "/opt/bin:$PATH"), new KeyValue("X", "")))),
                row("ADD --chown=app:app --chmod=644 --link --checksum=sha256:abc --keep-git-dir=true"
                                + " --exclude=*.md --exclude=.git git@h:r.git /dst/",
                        l -> new Instruction.Add(l, List.of("git@h:r.git"), "/dst/",
                                Optional.of("app:app"), Optional.of("644"), true, Optional.of("sha256:abc"), true,
                                List.of("*.md", ".git"), List.of())),
                row("ADD a b", l -> new Instruction.Add(l, List.of("a"), "b", Optional.empty(), Optional.empty(), false,
                        Optional.empty(), false, List.of(), List.of())),
                row("COPY --from=build --parents --link=false a/ b/ /app/", l -> new Instruction.Copy(l,
                        List.of("a/", "b/"), "/app/", Optional.of("build"), Optional.empty(), Optional.empty(), false,
                        true, List.of(), List.of())),
                row("COPY [\"a b\", \"/c d/\"]", l -> new Instruction.Copy(l, List.of("a b"), "/c d/", Optional.empty(),
                        Optional.empty(), Optional.empty(), false, false, List.of(), List.of())),
                row("VOLUME /data /logs", l -> new Instruction.Volume(l, List.of("/data", "/logs"))),
                row("VOLUME [\"/data\"]", l -> new Instruction.Volume(l, List.of("/data"))),
                row("USER app:app", l -> new Instruction.User(l, "app:app")),
                row("WORKDIR /srv/$APP", l -> new Instruction.Workdir(l, "/srv/$APP")),
                row("ARG A=1 B", l -> new Instruction.Arg(l, List.of(new ArgDeclaration("A", Optional.of("1")),
                        new ArgDeclaration("B", Optional.empty())))),
                row("ARG EMPTY=", l -> new Instruction.Arg(l, List.of(new ArgDeclaration("EMPTY", Optional.of(""))))),
                row("STOPSIGNAL SIGKILL", l -> new Instruction.StopSignal(l, "SIGKILL")),
                row("ONBUILD RUN make", l -> new Instruction.Onbuild(l, new Instruction.Run(
                        new Location(1, 1, 9, "RUN make"), new ShellForm("make"), List.of(), Optional.empty(),
                        Optional.empty(), List.of()))),
                row("HEALTHCHECK NONE", l -> new Instruction.Healthcheck(l, new HealthcheckSpec.None())),
                row("HEALTHCHECK --interval=1m30s --timeout=500ms --start-period=0 --start-interval=1.5s --retries=3"
                                + " CMD curl -f http://localhost/",
                        l -> new Instruction.Healthcheck(l, new HealthcheckSpec.Check(
                                new ShellForm("curl -f http://localhost/"), Optional.of(Duration.ofSeconds(90)),
                                Optional.of(Duration.ofMillis(500)), Optional.empty(),
                                Optional.of(Duration.ofMillis(1500)), OptionalInt.of(3)))),
                row("HEALTHCHECK CMD [\"/bin/check\", \"-q\"]", l -> new Instruction.Healthcheck(l,
                        new HealthcheckSpec.Check(new ExecForm(List.of("/bin/check", "-q")), Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instructions")
    void typesEachInstruction(String text, Instruction expected) {
        assertThat(TestNodes.parser(text).parse(TestNodes.line(text))).isEqualTo(expected);
    }

    private static Arguments row(String text, java.util.function.Function<Location, Instruction> expected) {
        return Arguments.of(text, expected.apply(at(text)));
    }
}
