package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code berth check}: exit codes at each fail level, the three formats, --explain and build --check. */
class CheckCommandTest {

    private static final String CLEAN = "FROM alpine:3.20\nRUN adduser -D app\nUSER app\nCMD [\"sh\"]\n";
    /** One warning (the base is not pinned) and one info (EXPOSE without HEALTHCHECK). */
    private static final String FLAWED = "FROM alpine\nRUN adduser -D app\nUSER app\nEXPOSE 80\nCMD [\"sh\"]\n";
    private static final String INFO_ONLY = "FROM alpine:3.20\nRUN adduser -D app\nUSER app\nEXPOSE 80\nCMD [\"sh\"]\n";
    private static final String SECRET = "FROM alpine:3.20\nLABEL ref=AKIAIOSFODNN7EXAMPLE\nUSER 1000\nCMD [\"sh\"]\n";

    @TempDir
    Path context;

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0} at --fail-level {1} exits {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CLEAN     | error   | 0
            CLEAN     | info    | 0
            INFO_ONLY | warning | 0
            INFO_ONLY | info    | 1
            FLAWED    | error   | 0
            FLAWED    | warning | 1
            SECRET    | error   | 1
            """)
    void exitsByTheFailLevel(String dockerfile, String level, int exit) throws IOException {
        Files.writeString(context.resolve("Dockerfile"), switch (dockerfile) {
            case "CLEAN" -> CLEAN;
            case "INFO_ONLY" -> INFO_ONLY;
            case "FLAWED" -> FLAWED;
            default -> SECRET;
        });

        CliRun run = CliRun.of("check", "--fail-level", level, context.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
    }

    @Test
    void anUnreadableDockerfileCouldNotBeChecked() {
        CliRun run = CliRun.of("check", context.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("berth check: cannot read Dockerfile " + context.resolve("nowhere/Dockerfile")
                + ": no such file");
    }

    @Test
    void syntaxThatStopsParsingCouldNotBeChecked() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), "# only a comment\n");

        CliRun run = CliRun.of("check", context.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    }

    @Test
    void theHumanFormPrintsEachFindingWithItsFixThenACount() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), FLAWED);

        CliRun run = CliRun.of("check", context.toString());

        String file = context.resolve("Dockerfile").toString();
        assertThat(run.out()).isEqualTo("0 errors, 1 warnings, 1 infos\n");
        assertThat(run.err()).contains(file + ":1: warning: BaseImageNotPinned: base image \"alpine\" has no tag")
                .contains("= hint: write FROM IMAGE:VERSION")
                .contains(file + ":4: info: ExposeWithoutHealthcheck: ");
    }

    @Test
    void dockerfileCheckIsTheSameCommand() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), FLAWED);

        CliRun check = CliRun.of("check", "--fail-level", "warning", context.toString());
        CliRun alias = CliRun.of("dockerfile", "check", "--fail-level", "warning", context.toString());

        assertThat(alias.exitCode()).isEqualTo(check.exitCode()).isEqualTo(1);
        assertThat(alias.out()).isEqualTo(check.out());
        assertThat(alias.err()).isEqualTo(check.err());
    }

    @Test
    void theJsonFormFollowsTheDocumentedSchema() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), SECRET);

        CliRun run = CliRun.of("check", "--format", "json", "-f", context.resolve("Dockerfile").toString(),
                context.toString());

        JsonNode document = json.readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(document.get("version").asInt()).isEqualTo(1);
        assertThat(document.get("complete").asBoolean()).isTrue();
        JsonNode finding = document.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("SecretInValue");
        assertThat(finding.get("level").asText()).isEqualTo("error");
        assertThat(finding.get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("message").asText()).contains("AKIA…[redacted 20 chars]")
                .doesNotContain("AKIAIOSFODNN7EXAMPLE");
        assertThat(finding.get("fix").asText()).contains("--mount=type=secret");
        assertThat(document.get("summary").get("error").asInt()).isEqualTo(1);
    }

    /**
     * SARIF 2.1.0's required structure, asserted by hand: no schema validator runs here (the schema is not
     * vendored), so this holds what the schema requires of what Berth writes.
     */
    @Test
    void theSarifLogHasSarif210sRequiredStructure() throws IOException {
        Files.writeString(context.resolve("Dockerfile"), FLAWED);

        CliRun run = CliRun.of("check", "--format", "sarif", context.toString());

        JsonNode log = json.readTree(run.out());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode sarifRun = log.get("runs").get(0);
        JsonNode driver = sarifRun.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("berth");
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : driver.get("rules")) {
            ids.add(rule.get("id").asText());
            assertThat(rule.get("helpUri").asText()).startsWith("https://");
            assertThat(rule.get("shortDescription").get("text").asText()).isNotBlank();
            assertThat(rule.get("defaultConfiguration").get("level").asText()).isIn("error", "warning", "note");
        }
        assertThat(ids).doesNotHaveDuplicates().contains("BaseImageNotPinned", "SecretsUsedInArgOrEnv");
        JsonNode results = sarifRun.get("results");
        assertThat(results).hasSize(2);
        for (JsonNode result : results) {
            assertThat(result.get("message").get("text").asText()).isNotBlank();
            assertThat(result.get("level").asText()).isIn("error", "warning", "note", "none");
            assertThat(ids.get(result.get("ruleIndex").asInt())).isEqualTo(result.get("ruleId").asText());
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            assertThat(physical.get("artifactLocation").get("uri").asText()).endsWith("Dockerfile");
            assertThat(physical.get("region").get("startLine").asInt()).isPositive();
            assertThat(physical.get("region").get("startColumn").asInt()).isPositive();
        }
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("BaseImageNotPinned");
        assertThat(results.get(1).get("level").asText()).isEqualTo("note");
    }

    @ParameterizedTest(name = "--explain {0}")
    @CsvSource({"DL3008, PackagesNotPinned", "packagesnotpinned, PackagesNotPinned", "DL3025, JSONArgsRecommended",
            "FinalStageRunsAsRoot, FinalStageRunsAsRoot"})
    void explainsARuleByIdOrHadolintId(String name, String id) {
        CliRun run = CliRun.of("check", "--explain", name);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(id).contains("fix: ").contains("see https://");
    }

    @Test
    void explainsShellCheckCodesAndSaysWhetherShellCheckIsHere() {
        CliRun run = CliRun.of("check", "--explain", "SC2086");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("SC2086: ShellCheck SC2086").contains("see https://www.shellcheck.net/wiki/SC2086")
                .contains("When shellcheck is not installed, no SC finding is reported")
                .containsPattern("\nshellcheck: (/\\S+/shellcheck|not installed here \\(not on PATH\\): no SC finding is reported)\n");
    }

    @Test
    void explainingAnUnknownRuleNamesTheRules() {
        CliRun run = CliRun.of("check", "--explain", "NoSuchRule");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no rule is named \"NoSuchRule\"").contains("BaseImageNotPinned");
    }

    @ParameterizedTest(name = "build --check of {0} exits {1}")
    @CsvSource({"CLEAN, 0", "INFO_ONLY, 1"})
    void buildCheckBuildsNothingAndFailsOnAnyFinding(String dockerfile, int exit) throws IOException {
        Files.writeString(context.resolve("Dockerfile"), dockerfile.equals("CLEAN") ? CLEAN : INFO_ONLY);

        CliRun run = CliRun.of("build", "--check", "--root", context.resolve("store").toString(), context.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertThat(context.resolve("store")).doesNotExist();
    }

    @Test
    void thePlainReaderTakesBuildCheck() {
        assertThat(PlainBuildArguments.parse("build", "--check", ".")).get()
                .satisfies(build -> assertThat(build.check).isTrue());
    }
}
