package dev.berth.cli.progress;

import dev.berth.api.BuildResult;
import dev.berth.export.BuildOutput;
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

    static ExportSummary of(BuildResult result, List<BuildOutput> outputs) {
        List<String> lines = new ArrayList<>();
        for (BuildOutput output : outputs) {
            if (output instanceof BuildOutput.Image) {
                lines.add("writing image " + result.imageId() + " done");
                result.tags().forEach(tag -> lines.add("naming to " + ImageReference.parse(tag).withDefaultTag() + " done"));
            } else {
                lines.add("exporting " + describe(output) + " done");
            }
        }
        // BuildKit's heading for the export step names the image store when it is among the outputs.
        return new ExportSummary(outputs.contains(new BuildOutput.Image()) ? "exporting to image" : "exporting", lines);
    }

    private static String describe(BuildOutput output) {
        return switch (output) {
            case BuildOutput.Image _ -> "to the image store";
            case BuildOutput.Local(Path directory) -> "to directory " + directory;
            case BuildOutput.Tar(BuildOutput.Destination destination) -> "the file system as a tar " + describe(destination);
            case BuildOutput.DockerArchive(BuildOutput.Destination destination) -> "the image as a Docker archive " + describe(destination);
            case BuildOutput.OciArchive(BuildOutput.Destination destination) -> "the image as an OCI archive " + describe(destination);
        };
    }

    private static String describe(BuildOutput.Destination destination) {
        return switch (destination) {
            case BuildOutput.Destination.File(Path path) -> "to " + path;
            case BuildOutput.Destination.Stream _ -> "to standard output";
        };
    }
}
