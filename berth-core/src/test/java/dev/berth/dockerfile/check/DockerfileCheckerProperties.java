package dev.berth.dockerfile.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.DiagnosticRenderer;
import dev.berth.diagnostic.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Totality of {@code check}: whatever the text, it returns a result instead of throwing, every
 * diagnostic points at a line of the file (or line 1 of an empty one), and every diagnostic renders.
 * Inputs are whole lines of Dockerfile fragments, so that stages, substitutions, continuations, flags and
 * ONBUILD reach the checker past the parser.
 */
class DockerfileCheckerProperties {

    private static final List<String> LINES = List.of(
            "FROM alpine", "FROM alpine AS build", "from a as B", "FROM $BASE", "FROM ${X:-y} AS Y", "ARG BASE=a",
            "ARG A", "ARG TOKEN=x", "ENV A=${A", "ENV B $A", "ENV C=${C:?}", "LABEL a=\"${B\" b=1", "WORKDIR rel",
            "WORKDIR /abs/${A}", "COPY --from=build a b", "COPY --from=9 a b", "COPY --from=bulid a b",
            "COPY [\"\\u0024{A\", \"b\"]", "ADD --checksum=sha256:x http://h/a b", "RUN --mount=type=cache echo",
            "RUN --mount=type=bind,from=later,target=/x true", "HEALTHCHECK --interval=1 CMD x", "HEALTHCHECK NONE",
            "EXPOSE 80/tcpx ${P}", "EXPOSE $A", "CMD run", "CMD [\"x\"]", "ENTRYPOINT x", "SHELL x", "USER",
            "ONBUILD FROM x", "ONBUILD RUN x", "MAINTAINER m", "COPPY a b", "STOPSIGNAL ${S", "VOLUME $V",
            "# check=skip=all", "# check=error=true", "# escape=`", "ENV D=1 \\", "  E=${D \\", "# inside",
            "", "    ", "RUN <<EOF", "EOF", "COPY <<X /x", "X", "ENV F=1 `", "\t\tLABEL x=${", "USER ${:}");

    @Property(tries = 300)
    void checkReportsInsteadOfThrowing(@ForAll("dockerfiles") String text, @ForAll("lineEnds") String end) {
        SourceFile source = new SourceFile("Dockerfile", text.replace("\n", end));
        CheckResult result = new DockerfileChecker().check(source, Map.of("A", "1"), Optional.of("build"));

        DiagnosticRenderer renderer = new DiagnosticRenderer();
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertThat(diagnostic.range().startLine()).isLessThanOrEqualTo(Math.max(1, source.lineCount()));
            assertThat(renderer.render(diagnostic, source)).startsWith("Dockerfile:" + diagnostic.range().startLine());
        }
    }

    @Provide
    Arbitrary<String> dockerfiles() {
        return Arbitraries.of(LINES).list().ofMaxSize(25).map(lines -> String.join("\n", lines) + "\n");
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n");
    }
}
