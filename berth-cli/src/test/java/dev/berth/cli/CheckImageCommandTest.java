package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth check IMAGE}: an end-of-life Debian image running as root with a setuid file and an exposed port,
 * beside a clean twin (a user, no port: healthchecks are ImageCheckerTest's, as import takes no HEALTHCHECK); which argument is an image; exit codes and the three formats.
 */
class CheckImageCommandTest {

    static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    @TempDir
    Path root;

    @BeforeEach
    void store() {
        byte[] bad = new TarBuilder().file("etc/os-release", "PRETTY_NAME=\"Debian 11\"\nID=debian\nVERSION_ID=\"11\"\n")
                .file("usr/bin/su", "elf", 04755).build();
        byte[] good = new TarBuilder().file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n")
                .file("usr/bin/app", "elf", 0755).build();
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build())) {
            berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(bad)).reference("bad:1")
                    .changes(List.of("EXPOSE 80")).message("bad").build());
            berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(good)).reference("good:1")
                    .changes(List.of("USER 10001")).message("good").build());
        }
    }

    CliRun berth(String... args) {
        List<String> withRoot = new ArrayList<>(List.of(args));
        withRoot.add("--root");
        withRoot.add(root.toString());
        return CliRun.with(new CommandFactory(Clock.fixed(NOW, ZoneOffset.UTC)), new byte[0],
                withRoot.toArray(String[]::new));
    }

    @Test
    void aBadImageGivesEachFindingAndFailsAtWarning() {
        CliRun run = berth("check", "bad:1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(
                "bad:1: warning: ImageRunsAsRoot: the image sets no user, so it runs as root",
                "bad:1: info: ImageWithoutHealthcheck: the image exposes 80/tcp but has no healthcheck",
                "bad:1: info: ImageSetuidFile: /usr/bin/su is setuid (mode 4755, layer 1)",
                "bad:1: warning: ImageEndOfLifeDistro: the base distribution Debian 11 reached its end of life on"
                        + " 2026-08-31",
                "  = hint: rebuild on a supported release");
        assertThat(run.out()).isEqualTo("0 errors, 2 warnings, 2 infos\n");
        assertThat(berth("check", "--fail-level", "warning", "bad:1").exitCode()).isEqualTo(1);
    }

    @Test
    void aCleanTwinGivesNothingAtAnyLevel() {
        CliRun run = berth("check", "--fail-level", "info", "good:1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("0 errors, 0 warnings, 0 infos\n");
    }

    @Test
    void jsonNamesTheImageAndSarifTheRules() {
        CliRun json = berth("check", "--format", "json", "bad:1");
        assertThat(json.out()).contains("\"image\" : \"bad:1\"", "\"rule\" : \"ImageEndOfLifeDistro\"",
                "\"summary\" : {\n    \"error\" : 0,\n    \"warning\" : 2,\n    \"info\" : 2\n  }");
        CliRun sarif = berth("check", "--format", "sarif", "bad:1");
        assertThat(sarif.out()).contains("\"id\" : \"ImageSetuidFile\"", "\"ruleId\" : \"ImageRunsAsRoot\"",
                "\"uri\" : \"bad:1\"");
    }

    @Test
    void anExistingPathIsAContextUnlessImageIsGiven(@TempDir Path context) {
        CliRun asContext = berth("check", context.toString());
        assertThat(asContext.exitCode()).isEqualTo(2);
        assertThat(asContext.err()).contains("cannot read Dockerfile");
        CliRun forced = berth("check", "--image", context.toString());
        assertThat(forced.exitCode()).isEqualTo(2);
        assertThat(forced.err()).contains(context + " is neither a path nor an image in the store: No such image");
    }

    @Test
    void aNameThatIsNeitherCannotBeChecked() {
        CliRun run = berth("check", "missing:1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("berth check: missing:1 is neither a path nor an image in the store:"
                + " No such image: missing:1\n");
        assertThat(berth("check", "--target", "x", "good:1").exitCode()).isEqualTo(2);
    }

    @Test
    void explainKnowsTheImageRules() {
        CliRun run = berth("check", "--explain", "ImageWastedBytes");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("ImageWastedBytes: no layer carries bytes a later layer deletes or replaces\n"
                + "level: info\n");
    }
}
