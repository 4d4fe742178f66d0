package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stage that EXPOSEs a port but says nothing of how to tell the service is up. */
record HealthcheckMissing() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("ExposeWithoutHealthcheck", List.of(), PracticeLevel.INFO,
            "Give a stage that serves a port a HEALTHCHECK",
            "add HEALTHCHECK CMD curl -fsS http://localhost:PORT/health || exit 1 (or HEALTHCHECK NONE to say so)",
            "A running container is not a working service: without a HEALTHCHECK, the engine, compose's"
                    + " depends_on: service_healthy and orchestrators only know the process exists. A health check"
                    + " lets them restart a hung service and wait for it before starting what depends on it.");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            Optional<Instruction> expose = stage.instructions().stream()
                    .filter(Instruction.Expose.class::isInstance).findFirst();
            boolean healthcheck = stage.instructions().stream().anyMatch(Instruction.Healthcheck.class::isInstance);
            expose.filter(found -> !healthcheck).ifPresent(found -> hits.add(new PracticeHit(found.location(),
                    "EXPOSE without a HEALTHCHECK in the stage")));
        }
        return hits;
    }
}
