package dev.berth.cli.progress;

import dev.berth.api.BuildResult;
import dev.berth.api.Output;
import dev.berth.image.ImageReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a finished build says about where its result went, one line per fact, the same in every view. */
record ExportSummary(String heading, List<String> lines) {

    public ExportSummary {
        Objects.requireNonNull(heading, "heading");
        lines = List.copyOf(lines);
    }

    static ExportSummary of(BuildResult result, List<Output> outputs) {
        List<String> lines = new ArrayList<>();
        for (Output output : outputs) {
            if (output instanceof Output.Image) {
                lines.add("writing image " + result.imageId() + " done");
                result.tags().forEach(tag -> lines.add("naming to " + ImageReference.parse(tag).withDefaultTag() + " done"));
            } else {
                lines.add("exporting " + describe(output) + " done");
            }
        }
        // BuildKit's heading for the export step names the image store when it is among the outputs.
        return new ExportSummary(outputs.contains(new Output.Image()) ? "exporting to image" : "exporting", lines);
    }

    private static String describe(Output output) {
        return switch (output) {
            case Output.Image _ -> "to the image store";
            case Output.Local(Path directory) -> "to directory " + directory;
            case Output.Tar(Output.Destination destination) -> "the file system as a tar " + describe(destination);
            case Output.DockerArchive(Output.Destination destination) -> "the image as a Docker archive " + describe(destination);
            case Output.OciArchive(Output.Destination destination) -> "the image as an OCI archive " + describe(destination);
        };
    }

    private static String describe(Output.Destination destination) {
        return switch (destination) {
            case Output.Destination.File(Path path) -> "to " + path;
            case Output.Destination.Stream _ -> "to standard output";
        };
    }
}
