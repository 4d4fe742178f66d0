package dev.berth.engine;

import dev.berth.dockerfile.instruction.Instruction;
import dev.berth.image.ContainerConfig;
import dev.berth.image.ImageConfig;
import dev.berth.image.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Config instructions applied to a container config outside a build ({@code berth import --change}), by the
 * build's own rules ({@link ConfigStepExecutor}): a relative WORKDIR joins and cleans as in a build, EXPOSE
 * lower-cases the protocol, an ENTRYPOINT resets a CMD that no earlier change set. One applier, so a change
 * means what the same line in a Dockerfile means (ArgsEscaped aside, as Docker's import leaves it).
 */
public final class ConfigApplier {

    private ConfigApplier() {
    }

    /** @param instructions metadata instructions only (CMD, ENV, WORKDIR, ...); RUN, COPY and the like are refused */
    public static ContainerConfig apply(ContainerConfig base, List<Instruction> instructions) {
        ImageConfig image = ImageConfig.empty(Platform.of("linux", "amd64")).withConfig(base);
        boolean cmdSet = false;
        for (Instruction instruction : instructions) {
            image = ConfigStepExecutor.apply(image, instruction, Optional.empty(), cmdSet);
            cmdSet |= instruction instanceof Instruction.Cmd;
        }
        // Docker's import applies changes with the daemon's builder, which leaves ArgsEscaped unset on Linux;
        // BuildKit sets it for every CMD and ENTRYPOINT.
        return image.config().toBuilder().argsEscaped(base.argsEscaped()).build();
    }
}
