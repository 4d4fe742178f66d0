package dev.berth.api;

import dev.berth.error.UnsupportedFeatureException;
import dev.berth.runtime.RuntimeDetector;
import java.util.Optional;

/** What {@code berth info} reports: the OCI runtimes found on this host, probed as a first RUN step probes them. */
final class HostProbe {

    private HostProbe() {
    }

    static HostInfo probe(Settings settings) {
        RuntimeDetector detector = RuntimeDetector.fromEnvironment(settings.environment(), settings.runtimeState());
        var runtimes = detector.description().lines().toList();
        Optional<String> chosen;
        try {
            chosen = Optional.of(settings.runtime().map(detector::choose).orElseGet(detector::choose).description());
        } catch (UnsupportedFeatureException none) {
            chosen = Optional.empty();
        }
        return new HostInfo(runtimes, chosen, detector.seccompDescription());
    }
}
