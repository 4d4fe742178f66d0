package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import java.util.List;

/**
 * Every problem {@code berth dockerfile check} found, in the order a build would meet them: syntax,
 * instructions, stages, ARG scoping, BuildKit's checks, then what the build would refuse before running anything
 * (sources the context lacks or ignores, bad modes).
 */
public record DockerfileCheck(List<Diagnostic> diagnostics) {

    public DockerfileCheck {
        diagnostics = List.copyOf(diagnostics);
    }

    public long errors() {
        return diagnostics.stream().filter(diagnostic -> diagnostic.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }
}
