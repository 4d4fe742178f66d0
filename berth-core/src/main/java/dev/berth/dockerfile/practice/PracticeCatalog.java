package dev.berth.dockerfile.practice;

import java.util.List;
import java.util.Optional;

/** Every best-practice rule, in the order {@code --explain} lists them. */
public final class PracticeCatalog {

    private static final List<Practice> ALL = List.of(new BasePinning(), new PackagePinning(), new ConsecutiveRuns(),
            new PackageCaches(), new LoneAptUpdate(), new ManifestOrder(), new RootUser(), new SecretValues(),
            new SecretFiles(), new BuildTools(), new HealthcheckMissing(), new PipefailShell());

    private PracticeCatalog() {
    }

    static List<Practice> practices() {
        return ALL;
    }

    public static List<PracticeInfo> rules() {
        return ALL.stream().map(Practice::info).toList();
    }

    /** The rule with this id or hadolint alias, ignoring case. */
    public static Optional<PracticeInfo> find(String name) {
        return rules().stream().filter(rule -> rule.isNamed(name)).findFirst();
    }
}
