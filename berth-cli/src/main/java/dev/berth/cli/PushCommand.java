package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.PushRequest;
import dev.berth.api.PushResult;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import dev.berth.event.TransferEvent;
import dev.berth.event.TransferListener;
import dev.berth.image.Compression;
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

/** {@code berth push [-a] [-q] NAME[:TAG]}: a stored image (or every tag of a repository) to the registry its name says. */
@Command(name = "push", description = "Upload an image to a registry.", mixinStandardHelpOptions = true)
class PushCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-q", "--quiet"}, description = "Suppress verbose output: print only the image's reference.")
    boolean quiet;

    @Option(names = {"-a", "--all-tags"}, description = "Push all tags of an image to the repository.")
    boolean allTags;

    @Option(names = "--compression-format", paramLabel = "FORMAT",
            description = "Compress every layer with gzip or zstd (zstd pushes an OCI manifest), as Podman does.")
    String compressionFormat;

    @Option(names = "--compression-level", paramLabel = "N",
            description = "The level of the layers the push compresses: gzip 0-9 (6), zstd 1-22 (3).")
    Integer compressionLevel;

    @Parameters(index = "0", paramLabel = "NAME[:TAG]")
    String reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TransferListener listener = quiet ? TransferListener.NONE : new PushLines(new TransferLines(out), out);
        List<PushResult> pushed;
        PushRequest request = request();
        try (Berth store = berth.open()) {
            pushed = allTags ? store.registries().pushAllTags(request, listener)
                    : List.of(store.registries().push(request, listener));
        }
        if (quiet) {
            pushed.forEach(one -> out.println(ImageReference.parse(one.reference()).familiar()));
        }
        out.flush();
        return 0;
    }

    private PushRequest request() {
        PushRequest.Builder request = PushRequest.builder(reference);
        if (compressionFormat != null) {
            request.compressionFormat(format(compressionFormat));
        }
        if (compressionLevel != null) {
            request.compressionLevel(compressionLevel);
        }
        return request.build();
    }

    /** Podman's names; zstd:chunked is not made. */
    private static Compression format(String text) {
        return switch (text) {
            case "gzip" -> Compression.GZIP;
            case "zstd" -> Compression.ZSTD;
            default -> throw new InvalidInputException(Diagnostic.error("--compression-format", SourceRange.line(1),
                    "unsupported compression format \"" + text + "\": use gzip or zstd"), null);
        };
    }

    /**
     * Docker's push lines: the repository once (an {@code --all-tags} push says it before the first tag only), each
     * tag's {@code TAG: digest: DIGEST size: N} as soon as its manifest is up.
     */
    private static final class PushLines implements TransferListener {

        private final TransferListener lines;
        private final PrintWriter out;
        private boolean started;

        PushLines(TransferListener lines, PrintWriter out) {
            this.lines = lines;
            this.out = out;
        }

        @Override
        public synchronized void on(TransferEvent event) {
            switch (event) {
                case TransferEvent.Started _ when started -> {
                }
                case TransferEvent.Started first -> {
                    started = true;
                    lines.on(first);
                }
                case TransferEvent.Finished finished -> {
                    String tag = ImageReference.parse(finished.reference()).tag().orElse("latest");
                    out.println(tag + ": digest: " + finished.digest() + " size: " + finished.size());
                    out.flush();
                }
                case TransferEvent.BlobProgress _, TransferEvent.BlobDone _, TransferEvent.Retrying _,
                        TransferEvent.MirrorSkipped _ -> lines.on(event);
            }
        }
    }
}
