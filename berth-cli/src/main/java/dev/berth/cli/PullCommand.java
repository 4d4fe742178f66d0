package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.PullRequest;
import dev.berth.api.PullResult;
import dev.berth.event.TransferListener;
import dev.berth.image.ImageReference;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth pull [--platform P] [-q] [-a] NAME[:TAG|@DIGEST]}: an image from its registry into the store. */
@Command(name = "pull", description = "Download an image from a registry.", mixinStandardHelpOptions = true)
class PullCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = "--platform", paramLabel = "os/arch[/variant]",
            description = "Pick this platform's image from a multi-platform index (default: this host's).")
    String platform;

    @Option(names = {"-a", "--all-tags"}, description = "Download all tagged images in the repository.")
    boolean allTags;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output: print only the image's reference.")
    boolean quiet;

    @Parameters(index = "0", paramLabel = "NAME[:TAG|@DIGEST]")
    String reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PullRequest.Builder request = PullRequest.builder(reference).allTags(allTags);
        if (platform != null) {
            request.platform(platform);
        }
        ImageReference asked = ImageReference.parse(reference);
        if (!quiet && !allTags && asked.tag().isEmpty() && asked.digest().isEmpty()) {
            out.println("Using default tag: latest");
        }
        List<PullResult> pulled;
        try (Berth store = berth.open()) {
            pulled = store.registries().pull(request.build(), quiet ? TransferListener.NONE : new TransferLines(out));
        }
        for (PullResult result : pulled) {
            if (!quiet) {
                out.println("Digest: " + result.digest());
                String familiar = ImageReference.parse(result.reference()).familiar();
                out.println(result.updated() ? "Status: Downloaded newer image for " + familiar
                        : "Status: Image is up to date for " + familiar);
            }
            out.println(result.reference());
        }
        out.flush();
        return 0;
    }
}
