package dev.berth.bench;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.syntax.DockerfileParser;
import dev.berth.dockerfile.syntax.SyntaxTree;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parses a generated 1,000-line Dockerfile mixing every construct the parser handles: directives,
 * comments, continuations, exec and shell forms, flags, ENV/LABEL pairs, heredocs and ONBUILD.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DockerfileParseBenchmark {

    private final DockerfileParser parser = new DockerfileParser();
    private SourceFile source;

    @Setup
    public void generate() {
        StringBuilder text = new StringBuilder("# syntax=docker/dockerfile:1\n# check=skip=all\n");
        int block = 0;
        while (text.chars().filter(c -> c == '\n').count() < 1_000) {
            block++;
            text.append("# stage ").append(block).append('\n')
                    .append("FROM --platform=$BUILDPLATFORM golang:1.23 AS build").append(block).append('\n')
                    .append("ARG VERSION=").append(block).append(" COMMIT\n")
                    .append("ENV CGO_ENABLED=0 GOFLAGS=\"-trimpath -mod=readonly\" PATH=/go/bin:$PATH\n")
                    .append("LABEL org.opencontainers.image.title=\"app ").append(block).append("\"\n")
                    .append("WORKDIR /src\n")
                    .append("COPY --link go.mod go.sum ./\n")
                    .append("RUN --mount=type=cache,target=/go/pkg/mod \\\n")
                    .append("    go mod download && \\\n")
                    .append("    # keep going\n")
                    .append("    go build -o /out/app ./cmd/app\n")
                    .append("COPY <<EOF /etc/app.conf\nlevel = debug\nport = 8080\nEOF\n")
                    .append("RUN [\"/bin/sh\", \"-c\", \"echo built ").append(block).append("\"]\n")
                    .append("HEALTHCHECK --interval=30s CMD [\"/out/app\", \"health\"]\n")
                    .append("ONBUILD COPY . /src\n")
                    .append("EXPOSE 8080/tcp 9090\n")
                    .append("USER 65532:65532\n")
                    .append("ENTRYPOINT [\"/out/app\"]\n\n");
        }
        source = new SourceFile("Dockerfile", text.toString());
    }

    @Benchmark
    public SyntaxTree parse() {
        return parser.parse(source);
    }
}
