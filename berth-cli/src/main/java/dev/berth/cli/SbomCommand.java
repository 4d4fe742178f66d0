package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.SbomFormat;
import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.error.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth sbom IMAGE --format spdx-json|cyclonedx-json [-o FILE]}: the image's packages as an SPDX or
 * CycloneDX document, on stdout or in a file written beside its name and renamed into place.
 */
@Command(name = "sbom", description = "List the packages an image holds as an SPDX or CycloneDX document.",
        mixinStandardHelpOptions = true)
class SbomCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "spdx-json",
            description = "spdx-json (default) or cyclonedx-json.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to a file instead of STDOUT.")
    Path output;

    @Parameters(paramLabel = "IMAGE")
    String image;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SbomFormat sbomFormat = Arrays.stream(SbomFormat.values()).filter(value -> value.flag().equals(format))
                .findFirst().orElseThrow(() -> new InvalidInputException(Diagnostic.error("--format",
                        SourceRange.columns(1, 1, 2), "unknown SBOM format \"" + format + "\"")
                        .withHint("use spdx-json or cyclonedx-json"), null));
        byte[] document;
        try (Berth store = berth.open()) {
            document = store.sboms().document(image, sbomFormat);
        }
        if (output == null) {
            OutputStream stdout = System.out;
            stdout.write(document);
            stdout.flush();
            return 0;
        }
        Path target = output.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, document);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return 0;
    }
}
