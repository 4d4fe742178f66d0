package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.RemovedImage;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth rmi IMAGE...}: removes names and images, printing Docker's {@code Untagged:}/{@code Deleted:} lines. */
@Command(name = "rmi", description = "Remove one or more images.", mixinStandardHelpOptions = true)
class RmiCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-f", "--force"}, description = "Force removal of the image (in use, or named in several repositories).")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> images;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Berth store = berth.open()) {
            for (String image : images) {
                print(store.remove(image, force), out);
            }
        }
        return 0;
    }

    static void print(RemovedImage removed, PrintWriter out) {
        removed.untagged().forEach(name -> out.println("Untagged: " + name));
        removed.deleted().forEach(id -> out.println("Deleted: " + id));
        out.flush();
    }
}
