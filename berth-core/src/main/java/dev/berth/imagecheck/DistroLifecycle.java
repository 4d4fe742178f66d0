package dev.berth.imagecheck;

import dev.berth.sbom.Distro;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * When Debian, Ubuntu and Alpine releases stop getting security updates: Debian's LTS end, Ubuntu's end of standard
 * support (ESM is paid and not counted), Alpine's branch end, as endoflife.date lists them. A release older than
 * every one the table knows of its distribution is past its end; a newer or unknown one is not judged.
 */
public final class DistroLifecycle {

    private static final Map<String, Map<String, LocalDate>> END_OF_LIFE = Map.of(
            "debian", Map.of(
                    "7", LocalDate.of(2018, 5, 31),
                    "8", LocalDate.of(2020, 6, 30),
                    "9", LocalDate.of(2022, 6, 30),
                    "10", LocalDate.of(2024, 6, 30),
                    "11", LocalDate.of(2026, 8, 31),
                    "12", LocalDate.of(2028, 6, 30),
                    "13", LocalDate.of(2030, 6, 30)),
            "ubuntu", Map.ofEntries(
                    Map.entry("14.04", LocalDate.of(2019, 4, 25)),
                    Map.entry("16.04", LocalDate.of(2021, 4, 30)),
                    Map.entry("18.04", LocalDate.of(2023, 5, 31)),
                    Map.entry("20.04", LocalDate.of(2025, 5, 31)),
                    Map.entry("22.04", LocalDate.of(2027, 6, 1)),
                    Map.entry("23.04", LocalDate.of(2024, 1, 25)),
                    Map.entry("23.10", LocalDate.of(2024, 7, 11)),
                    Map.entry("24.04", LocalDate.of(2029, 5, 31)),
                    Map.entry("24.10", LocalDate.of(2025, 7, 10)),
                    Map.entry("25.04", LocalDate.of(2026, 1, 15))),
            "alpine", Map.ofEntries(
                    Map.entry("3.12", LocalDate.of(2022, 5, 1)),
                    Map.entry("3.13", LocalDate.of(2022, 11, 1)),
                    Map.entry("3.14", LocalDate.of(2023, 5, 1)),
                    Map.entry("3.15", LocalDate.of(2023, 11, 1)),
                    Map.entry("3.16", LocalDate.of(2024, 5, 23)),
                    Map.entry("3.17", LocalDate.of(2024, 11, 22)),
                    Map.entry("3.18", LocalDate.of(2025, 5, 9)),
                    Map.entry("3.19", LocalDate.of(2025, 11, 1)),
                    Map.entry("3.20", LocalDate.of(2026, 4, 1)),
                    Map.entry("3.21", LocalDate.of(2026, 11, 1)),
                    Map.entry("3.22", LocalDate.of(2027, 5, 1))));

    private DistroLifecycle() {
    }

    /** The release's end of life when it is on or before {@code today}; empty while supported or unknown. */
    public static Optional<LocalDate> ended(Distro distro, LocalDate today) {
        Map<String, LocalDate> releases = END_OF_LIFE.get(distro.id());
        if (releases == null) {
            return Optional.empty();
        }
        String release = release(distro);
        LocalDate end = releases.get(release);
        if (end == null && !release.isEmpty() && releases.keySet().stream()
                .allMatch(known -> compare(release, known) < 0)) {
            // Older than every release the table lists: long past its end, whose date the table no longer keeps.
            end = releases.values().stream().min(LocalDate::compareTo).orElseThrow();
        }
        return Optional.ofNullable(end).filter(date -> !date.isAfter(today));
    }

    /** The key of the table: Debian's major version, Ubuntu's YY.MM, Alpine's major.minor of {@code 3.19.1}. */
    static String release(Distro distro) {
        String version = distro.versionId();
        if (!version.matches("[0-9]+(\\.[0-9]+)*")) {
            return "";
        }
        String[] parts = version.split("\\.");
        return switch (distro.id()) {
            case "debian" -> parts[0];
            default -> parts.length >= 2 ? parts[0] + "." + parts[1] : "";
        };
    }

    private static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? Integer.parseInt(a[i]) : 0;
            int y = i < b.length ? Integer.parseInt(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
