package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.CommitRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth commit [-m MSG] [-a AUTHOR] [-c CHANGE]... CONTAINER [REPOSITORY[:TAG]]}: prints the new image's ID. */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = {"Create a new image from a container's changes.",
                "The container's writable layer becomes one more layer on its image; the container is not paused."})
class CommitCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "CONTAINER", description = "The container's name or ID.")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]", description = "The new image's name.")
    String reference;

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "The commit message.")
    String message = "";

    @Option(names = {"-a", "--author"}, paramLabel = "AUTHOR", description = "The author (e.g. \"Jane <jane@example.com>\").")
    String author = "";

    @Option(names = {"-c", "--change"}, paramLabel = "INSTRUCTION",
            description = "Apply a Dockerfile instruction to the image (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, "
                    + "STOPSIGNAL, USER, VOLUME, WORKDIR).")
    List<String> changes = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            var request = new CommitRequest(container, Optional.ofNullable(reference), message, author, changes);
            spec.commandLine().getOut().println(store.commit(request));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
