package dev.berth.imagecheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.sbom.Distro;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The end-of-life table, judged by the date given: the day of the end counts as ended. */
class DistroLifecycleTest {

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "debian, 12, 2026-12-07, -",
            "debian, 11, 2026-12-07, 2026-08-31",
            "debian, 11, 2026-08-30, -",
            "debian, 11, 2026-08-31, 2026-08-31",
            "debian, 6, 2026-12-07, 2018-05-31",
            "debian, 14, 2040-01-01, -",
            "debian, '', 2026-12-07, -",
            "ubuntu, 20.04, 2026-12-07, 2025-05-31",
            "ubuntu, 24.04, 2026-12-07, -",
            "alpine, 3.19.1, 2026-12-07, 2025-11-01",
            "alpine, 3.22.0, 2026-12-07, -",
            "alpine, 3.9.4, 2026-12-07, 2022-05-01",
            "alpine, 3.21.0_alpha20240807, 2026-12-07, -",
            "fedora, 39, 2026-12-07, -"})
    void endsAsTheTableSays(String id, String version, LocalDate today, LocalDate expected) {
        Distro distro = new Distro(id, version, "", id);
        assertThat(DistroLifecycle.ended(distro, today)).isEqualTo(Optional.ofNullable(expected));
    }
}
