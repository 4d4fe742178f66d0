package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.PushRequest;
import dev.berth.api.PushResult;
import dev.berth.event.TransferListener;
import dev.berth.image.ImageReference;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth push [-q] NAME[:TAG]}: a stored image to the registry its name says. */
@Command(name = "push", description = "Upload an image to a registry.", mixinStandardHelpOptions = true)
class PushCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output: print only the image's reference.")
    boolean quiet;

    @Parameters(index = "0", paramLabel = "NAME[:TAG]")
    String reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PushResult pushed;
        try (Berth store = berth.open()) {
            pushed = store.registries().push(PushRequest.builder(reference).build(),
                    quiet ? TransferListener.NONE : new TransferLines(out));
        }
        ImageReference target = ImageReference.parse(pushed.reference());
        if (quiet) {
            out.println(target.familiar());
        } else {
            out.println(target.tag().orElse("latest") + ": digest: " + pushed.digest() + " size: " + pushed.size());
        }
        out.flush();
        return 0;
    }
}
