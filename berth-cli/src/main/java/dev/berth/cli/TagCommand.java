package dev.berth.cli;

import dev.berth.api.Berth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code berth tag SOURCE TARGET}: gives an image another name (moving the name if another image had it). */
@Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE.",
        mixinStandardHelpOptions = true)
class TagCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "SOURCE_IMAGE[:TAG]")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET_IMAGE[:TAG]")
    String target;

    @Override
    public Integer call() {
        try (Berth store = berth.open()) {
            store.tag(source, target);
        }
        return 0;
    }
}
