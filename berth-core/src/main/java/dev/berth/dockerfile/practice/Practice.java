package dev.berth.dockerfile.practice;

import java.util.List;

/** One best-practice rule: what it is, and where a Dockerfile breaks it. */
public sealed interface Practice permits BasePinning, PackagePinning, ConsecutiveRuns, PackageCaches, LoneAptUpdate,
        ManifestOrder, RootUser, SecretValues, SecretFiles, BuildTools, HealthcheckMissing, PipefailShell {

    PracticeInfo info();

    /** Every place {@code input} breaks the rule, in source order. */
    List<PracticeHit> inspect(PracticeInput input);
}
