package dev.berth.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether an OSV {@code affected[]} entry covers a version, by the schema's evaluation: the {@code versions}
 * list (compared in the ecosystem's order, so {@code 1.0} and {@code 1.0.0} are one SemVer version), then each
 * {@code SEMVER} or {@code ECOSYSTEM} range, its events sorted (introduced {@code 0} first): {@code introduced} at or
 * below the version makes it affected, {@code fixed} at or below it, or {@code last_affected} below it, unaffected
 * again; a {@code limit} at or below it rules the range out. {@code GIT} ranges name commits and are not matched.
 */
final class AffectedVersions {

    /** Whether the version is affected and, if so, the lowest fix above it that the entry names. */
    record Verdict(boolean affected, Optional<String> fixed) {}

    private AffectedVersions() {
    }

    static Verdict check(OsvAdvisory.Affected affected, String version, VersionOrder order) {
        boolean listed = affected.versions().stream().anyMatch(listedVersion -> same(order, listedVersion, version));
        boolean inRange = false;
        Optional<String> fixed = Optional.empty();
        for (OsvAdvisory.Range range : affected.ranges()) {
            if (!range.type().equals("SEMVER") && !range.type().equals("ECOSYSTEM")) {
                continue;
            }
            VersionOrder rangeOrder = range.type().equals("SEMVER") ? new SemverVersionOrder() : order;
            if (inRange(range, version, rangeOrder)) {
                inRange = true;
                Optional<String> fix = lowestFixAbove(range, version, rangeOrder);
                if (fix.isPresent() && (fixed.isEmpty() || rangeOrder.compare(fix.get(), fixed.get()) < 0)) {
                    fixed = fix;
                }
            }
        }
        if (listed && fixed.isEmpty()) {
            fixed = affected.ranges().stream().filter(range -> !range.type().equals("GIT"))
                    .flatMap(range -> range.events().stream())
                    .filter(event -> event.kind() == OsvAdvisory.Event.Kind.FIXED)
                    .map(OsvAdvisory.Event::version).filter(fix -> order.compare(fix, version) > 0)
                    .min(order);
        }
        return new Verdict(listed || inRange, fixed);
    }

    static boolean inRange(OsvAdvisory.Range range, String version, VersionOrder order) {
        List<OsvAdvisory.Event> events = new ArrayList<>(range.events());
        events.sort((a, b) -> compareEvents(a, b, order));
        boolean affected = false;
        for (OsvAdvisory.Event event : events) {
            switch (event.kind()) {
                case INTRODUCED -> {
                    if (event.version().equals(VersionOrder.ZERO) || order.compare(version, event.version()) >= 0) {
                        affected = true;
                    }
                }
                case FIXED -> {
                    if (order.compare(version, event.version()) >= 0) {
                        affected = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (order.compare(version, event.version()) > 0) {
                        affected = false;
                    }
                }
                case LIMIT -> {
                    if (order.compare(version, event.version()) >= 0) {
                        return false;
                    }
                }
            }
        }
        return affected;
    }

    private static int compareEvents(OsvAdvisory.Event a, OsvAdvisory.Event b, VersionOrder order) {
        boolean aZero = a.kind() == OsvAdvisory.Event.Kind.INTRODUCED && a.version().equals(VersionOrder.ZERO);
        boolean bZero = b.kind() == OsvAdvisory.Event.Kind.INTRODUCED && b.version().equals(VersionOrder.ZERO);
        if (aZero || bZero) {
            return Boolean.compare(bZero, aZero);
        }
        return order.compare(a.version(), b.version());
    }

    private static Optional<String> lowestFixAbove(OsvAdvisory.Range range, String version, VersionOrder order) {
        return range.events().stream().filter(event -> event.kind() == OsvAdvisory.Event.Kind.FIXED)
                .map(OsvAdvisory.Event::version).filter(fix -> order.compare(fix, version) > 0).min(order);
    }

    private static boolean same(VersionOrder order, String a, String b) {
        return a.equals(b) || order.compare(a, b) == 0;
    }
}
