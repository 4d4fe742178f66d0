package dev.berth.api;

import dev.berth.container.BridgeAttachments;
import dev.berth.container.ContainerSpec;
import dev.berth.container.NetworkJoin;
import dev.berth.container.NetworkOptions;
import dev.berth.error.ExecutionException;
import dev.berth.error.InvalidInputException;
import dev.berth.network.NetworkArgumentException;
import dev.berth.error.StoreException;
import dev.berth.image.Digest;
import dev.berth.image.LayerRef;
import dev.berth.runtime.Stdio;
import dev.berth.terminal.TerminalCalls;
import dev.berth.terminal.TerminalModes;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code berth run} in the foreground: the image's layers, the request in the container package's terms, and the
 * container run with the same runtime and snapshotter as RUN steps, removed when it exits.
 */
final class ForegroundRun {

    private final ImageCatalog catalog;
    private final HostRunSteps runs;

    private final BridgeAttachments bridges;

    ForegroundRun(ImageCatalog catalog, HostRunSteps runs, BridgeAttachments bridges) {
        this.catalog = catalog;
        this.runs = runs;
        this.bridges = bridges;
    }

    RunResult run(RunRequest request) {
        StoredImage image = catalog.find(request.image());
        ContainerSpec spec = spec(request);
        if (request.tty()) {
            return new RunResult(runWithTerminal(image, request, spec));
        }
        int exit;
        try {
            exit = runs.containerRunner(bridges).run(image.config().config(), layers(image, request.image()), spec,
                stdio(request.streams()));
        } catch (NetworkArgumentException e) {
            throw invalid(e);
        }
        return new RunResult(exit);
    }

    /**
     * {@code -t}: runc, in the foreground, makes the container's pseudo-terminal, puts this process's terminal in raw
     * mode, copies both ways and passes on window size changes (runc ignores {@code --console-socket} unless it
     * detaches). Berth checks first that there is a terminal, as Docker's client does, and puts the terminal's modes
     * back afterwards whatever happened to runc.
     */
    private int runWithTerminal(StoredImage image, RunRequest request, ContainerSpec spec) {
        boolean stdin = request.streams() instanceof RunRequest.Streams.Inherited(boolean in) && in;
        if (stdin && !TerminalCalls.isTerminal(0)) {
            throw new ExecutionException("the input device is not a TTY");
        }
        try (var modes = TerminalModes.save(0).or(() -> TerminalModes.save(1))
                .orElse(null)) {
            return runs.containerRunner(bridges).run(image.config().config(), layers(image, request.image()), spec,
                    stdio(request.streams()));
        } catch (NetworkArgumentException e) {
            throw invalid(e);
        }
    }

    /** The image's layers, bottom first, each with its diff ID. */
    static List<LayerRef> layers(StoredImage image, String reference) {
        List<Digest> diffIds = image.config().rootFs().diffIds();
        if (diffIds.size() != image.manifest().layers().size()) {
            throw new StoreException("image " + reference + " has " + image.manifest().layers().size()
                    + " layers but its config lists " + diffIds.size());
        }
        List<LayerRef> layers = new ArrayList<>();
        for (int i = 0; i < diffIds.size(); i++) {
            layers.add(new LayerRef(image.manifest().layers().get(i), diffIds.get(i)));
        }
        return List.copyOf(layers);
    }

    /** The request in the container package's terms. */
    static ContainerSpec spec(RunRequest request) {
        return new ContainerSpec(request.image(), request.entrypoint(), request.command(), request.env(),
                request.workingDir(), request.user(), network(request.network()), request.hostname(), request.seccomp(),
                RunHostConfig.of(request.host()), request.tty());
    }

    private static NetworkOptions network(ContainerNetwork network) {
        return new NetworkOptions(network.mode(), network.aliases(), network.ip(), network.publish(),
                network.publishAll(), network.addHosts(), network.dns(), network.more().stream()
                        .map(endpoint -> new NetworkJoin(endpoint.network(), endpoint.aliases(), endpoint.ip())).toList());
    }

    /** A bad {@code -p}, {@code --ip} or {@code --add-host} as the user's input error (exit 125, Docker's message). */
    static InvalidInputException invalid(NetworkArgumentException e) {
        return e.toInvalidFlag("argument");
    }

    private static Stdio stdio(RunRequest.Streams streams) {
        return switch (streams) {
            case RunRequest.Streams.Inherited(boolean stdin) -> new Stdio(
                    stdin ? Redirect.INHERIT : Redirect.from(Path.of("/dev/null").toFile()), Redirect.INHERIT,
                    Redirect.INHERIT);
            case RunRequest.Streams.ToFiles(Path out, Path err) -> Stdio.toFiles(out, err);
        };
    }
}
