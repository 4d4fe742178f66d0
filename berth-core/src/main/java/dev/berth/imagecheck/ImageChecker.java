package dev.berth.imagecheck;

import dev.berth.image.ContainerConfig;
import dev.berth.image.Digest;
import dev.berth.image.HealthConfig;
import dev.berth.image.ImageConfig;
import dev.berth.sbom.Distro;
import dev.berth.sbom.LayerFile;
import dev.berth.sbom.MergedLayers;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one image: its config (user, healthcheck) and, in two passes over its layers, what the final file system
 * holds (setuid/setgid files, {@code os-release}) and what the layers hold that it does not (wasted bytes).
 *
 * @param topWasted how many of the paths wasting most the finding names
 */
public record ImageChecker(int topWasted) {

    /** The five paths wasting most are named. */
    public ImageChecker() {
        this(5);
    }

    /**
     * The findings, in the order of {@link ImageRule}; setuid files by path.
     *
     * @param diffIds the layers of {@code merged}, bottom first, to name them by number
     * @param today   the date an end of life is judged against (the caller's clock)
     */
    public List<ImageFinding> check(ImageConfig image, MergedLayers merged, List<Digest> diffIds, LocalDate today) {
        List<ImageFinding> findings = new ArrayList<>();
        ContainerConfig config = image.config();
        if (runsAsRoot(config.user())) {
            findings.add(new ImageFinding(ImageRule.IMAGE_RUNS_AS_ROOT, config.user().isEmpty()
                    ? "the image sets no user, so it runs as root"
                    : "the image's user is \"" + config.user() + "\", which is root"));
        }
        if (!config.exposedPorts().isEmpty() && config.healthcheck().map(HealthConfig::test).orElse(List.of())
                .isEmpty()) {
            findings.add(new ImageFinding(ImageRule.IMAGE_WITHOUT_HEALTHCHECK, "the image exposes "
                    + String.join(", ", config.exposedPorts().stream().sorted().toList()) + " but has no healthcheck"));
        }
        FinalFiles files = new FinalFiles();
        merged.walk(files);
        LayerWaste.Waste waste = LayerWaste.measure(merged, diffIds, files.visible);
        if (waste.total() > 0) {
            List<String> top = waste.paths().stream().limit(topWasted).map(path -> path.path() + " "
                    + LayerWaste.humanSize(path.bytes()) + " (layer " + path.layer() + ")").toList();
            findings.add(new ImageFinding(ImageRule.IMAGE_WASTED_BYTES, LayerWaste.humanSize(waste.total())
                    + " in " + waste.paths().size() + (waste.paths().size() == 1 ? " path is" : " paths are")
                    + " deleted or overwritten by later layers; the most: " + String.join(", ", top)));
        }
        files.privileged.stream().sorted(Comparator.comparing(LayerFile::path)).forEach(file -> findings.add(
                new ImageFinding(ImageRule.IMAGE_SETUID_FILE, file.path() + " is " + bits(file.mode()) + " (mode "
                        + String.format("%04o", file.mode() & 07777) + ", layer " + (diffIds.indexOf(file.layer()) + 1)
                        + ")")));
        files.distro().ifPresent(distro -> DistroLifecycle.ended(distro, today).ifPresent(end -> findings.add(
                new ImageFinding(ImageRule.IMAGE_END_OF_LIFE_DISTRO, "the base distribution " + distro.prettyName()
                        + " reached its end of life on " + end))));
        return findings;
    }

    /** Docker's default: an empty User is root, as are uid 0 and the name root, with or without a group. */
    static boolean runsAsRoot(String user) {
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return name.isEmpty() || name.equals("root") || name.matches("0+");
    }

    private static String bits(int mode) {
        boolean setuid = (mode & 04000) != 0;
        boolean setgid = (mode & 02000) != 0;
        return setuid && setgid ? "setuid and setgid" : setuid ? "setuid" : "setgid";
    }

    /** The final file system's regular files by layer, its setuid/setgid files, and its os-release. */
    private static final class FinalFiles implements MergedLayers.Visitor {
        private final Map<String, Digest> visible = new HashMap<>();
        private final List<LayerFile> privileged = new ArrayList<>();
        private Optional<Distro> etc = Optional.empty();
        private Optional<Distro> usrLib = Optional.empty();

        @Override
        public boolean wants(LayerFile file) {
            if (file.kind() != LayerFile.Kind.FILE && file.kind() != LayerFile.Kind.HARDLINK) {
                return false;
            }
            visible.put(file.path(), file.layer());
            if ((file.mode() & 06000) != 0) {
                privileged.add(file);
            }
            return file.path().equals("/etc/os-release") || file.path().equals("/usr/lib/os-release");
        }

        @Override
        public void read(LayerFile file, InputStream content) throws IOException {
            Optional<Distro> parsed = Distro.parse(content.readAllBytes());
            if (file.path().startsWith("/etc/")) {
                etc = parsed;
            } else {
                usrLib = parsed;
            }
        }

        /** {@code /etc/os-release}, else {@code /usr/lib/os-release}, as os-release(5) says to read them. */
        Optional<Distro> distro() {
            return etc.isPresent() ? etc : usrLib;
        }
    }
}
