package dev.berth.cli;

import dev.berth.event.TransferEvent;
import dev.berth.event.TransferListener;
import dev.berth.image.ImageReference;
import java.io.PrintWriter;

/**
 * Docker's plain pull and push lines: {@code TAG: Pulling from REPO} or {@code The push refers to repository [NAME]},
 * then one line per layer as it ends ({@code ID: Pull complete}, {@code Already exists}, {@code Pushed},
 * {@code Layer already exists}, {@code Mounted from ...}), with retries said as they happen. Events come from several
 * threads; each line is printed whole.
 */
final class TransferLines implements TransferListener {

    private final PrintWriter out;

    TransferLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(TransferEvent event) {
        String line = switch (event) {
            case TransferEvent.Started started when started.push() ->
                    "The push refers to repository [" + ImageReference.parse(started.reference()).familiarName() + "]";
            case TransferEvent.Started started -> {
                ImageReference reference = ImageReference.parse(started.reference());
                String tag = reference.digest().map(Object::toString).orElseGet(() -> reference.tag().orElse("latest"));
                String repository = reference.domain().equals("docker.io") ? reference.path() : reference.name();
                yield tag + ": Pulling from " + repository;
            }
            case TransferEvent.BlobDone done -> done.blob().shortHex() + ": " + switch (done.outcome()) {
                case ALREADY_EXISTS -> "Already exists";
                case PULLED -> "Pull complete";
                case LAYER_EXISTS -> "Layer already exists";
                case MOUNTED -> "Mounted from another repository";
                case PUSHED -> "Pushed";
            };
            case TransferEvent.Retrying retrying -> retrying.blob().shortHex() + ": Retrying: " + retrying.reason();
            case TransferEvent.MirrorSkipped skipped -> "Mirror " + skipped.mirror() + " skipped: " + skipped.reason();
            case TransferEvent.BlobProgress _, TransferEvent.Finished _ -> null;
        };
        if (line != null) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
