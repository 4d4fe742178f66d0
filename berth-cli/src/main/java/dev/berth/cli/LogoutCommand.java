package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.Registries;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth logout [REGISTRY]}: forgets the stored credentials of a registry (Docker Hub by default). */
@Command(name = "logout", description = "Log out from a registry.", mixinStandardHelpOptions = true)
class LogoutCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REGISTRY", description = "Default: Docker Hub.")
    String registry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String name = Registries.canonicalRegistry(Optional.ofNullable(registry));
        boolean removed;
        try (Berth store = berth.open()) {
            removed = store.registries().logout(Optional.ofNullable(registry));
        }
        out.println(removed ? "Removing login credentials for " + name : "Not logged in to " + name);
        out.flush();
        return 0;
    }
}
