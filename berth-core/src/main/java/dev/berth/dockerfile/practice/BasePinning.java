package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Stage;
import java.util.ArrayList;
import java.util.List;

/** {@code FROM python} or {@code FROM python:latest}: the base changes under the build. hadolint DL3006, DL3007. */
record BasePinning() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("BaseImageNotPinned", List.of("DL3006", "DL3007"),
            PracticeLevel.WARNING, "Pin the base image to a version tag, or better a digest",
            "write FROM IMAGE:VERSION (e.g. python:3.12-slim), or IMAGE:VERSION@sha256:DIGEST",
            "An untagged or :latest base is whatever the registry serves today: two builds of the same Dockerfile"
                    + " get different systems, and a rebuild can break or change behaviour with no change of yours."
                    + " A version tag makes the base deliberate; a digest makes it exact and reproducible.");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        for (Stage stage : input.dockerfile().stages()) {
            String image = stage.from().image();
            if (input.fromStage(stage) || image.equals("scratch") || image.contains("$") || image.contains("@")) {
                continue;
            }
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            if (colon <= slash) {
                hits.add(new PracticeHit(stage.from().location(),
                        "base image \"" + image + "\" has no tag, so it is :latest"));
            } else if (image.substring(colon + 1).equals("latest")) {
                hits.add(new PracticeHit(stage.from().location(),
                        "base image \"" + image + "\" uses the :latest tag"));
            }
        }
        return hits;
    }
}
