package dev.berth.api;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.Severity;
import dev.berth.diagnostic.SourceRange;
import dev.berth.image.Digest;
import dev.berth.imagecheck.ImageChecker;
import dev.berth.imagecheck.ImageFinding;
import dev.berth.imagecheck.ImageRule;
import dev.berth.sbom.MergedLayers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code berth check IMAGE}: what only the image shows, read from its config and its stored layers as {@link Sboms}
 * reads them, as findings of the same shape as a Dockerfile's. Each finding's file is the image reference as given,
 * at line 1: an image has no lines, and the message names the path, mode and layer.
 */
final class ImageChecks {

    private final Sboms sboms;
    private final Clock clock;

    ImageChecks(Sboms sboms, Clock clock) {
        this.sboms = sboms;
        this.clock = clock;
    }

    DockerfileCheck check(String image) {
        StoredImage stored = sboms.stored(image);
        List<MergedLayers.Layer> layers = sboms.layers(stored, image);
        List<Digest> diffIds = layers.stream().map(MergedLayers.Layer::diffId).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<ImageFinding> found = new ImageChecker().check(stored.config(),
                new MergedLayers(sboms.content(), layers), diffIds, today);
        List<CheckFinding> findings = found.stream().map(finding -> finding(image, finding)).toList();
        return new DockerfileCheck(findings, true);
    }

    static List<CheckRule> rules() {
        return Stream.of(ImageRule.values()).map(rule -> new CheckRule(rule.id(), List.of(), level(rule),
                rule.title(), rule.fix(), rule.explanation(), rule.helpUri())).toList();
    }

    private static CheckFinding finding(String image, ImageFinding finding) {
        CheckLevel level = level(finding.rule());
        Diagnostic diagnostic = new Diagnostic(level == CheckLevel.ERROR ? Severity.ERROR : Severity.WARNING, image,
                SourceRange.line(1), finding.rule().id() + ": " + finding.message(),
                java.util.Optional.of(finding.rule().fix()));
        return new CheckFinding(java.util.Optional.of(finding.rule().id()), level, diagnostic);
    }

    private static CheckLevel level(ImageRule rule) {
        return switch (rule.level()) {
            case ERROR -> CheckLevel.ERROR;
            case WARNING -> CheckLevel.WARNING;
            case INFO -> CheckLevel.INFO;
        };
    }
}
