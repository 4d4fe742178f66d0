package dev.berth.dockerfile.practice;

import dev.berth.dockerfile.instruction.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The final stage carries compilers and build tools: installed by a RUN (gcc, build-essential, maven, a JDK,
 * {@code -dev} headers) or inherited from a build image (maven, gradle, golang, a JDK that is not a JRE).
 */
record BuildTools() implements Practice {

    static final PracticeInfo INFO = new PracticeInfo("BuildToolsInFinalStage", List.of(), PracticeLevel.WARNING,
            "Build in one stage, ship from a slim one",
            "move compilation to a builder stage (FROM ... AS build) and COPY --from=build only the artifacts into a"
                    + " runtime base",
            "Compilers, headers and build tools are hundreds of megabytes the running application never uses,"
                    + " and each is one more thing a vulnerability scanner reports and an attacker can use. A"
                    + " multi-stage build compiles in a stage that is thrown away, and the final image holds only"
                    + " the runtime and the artifacts.");

    private static final Pattern TOOL_PACKAGE = Pattern.compile("(gcc|g\\+\\+|clang|make|cmake|build-essential|build-base"
            + "|maven|gradle|golang|golang-go|go|cargo|rustc|default-jdk|default-jdk-headless|openjdk-\\d+-jdk(-headless)?"
            + "|openjdk\\d+(-jdk)?|musl-dev|libc6-dev|python3?-dev|[a-z0-9.+-]+-devel?)(=.*)?");

    private static final Pattern BUILD_IMAGE = Pattern.compile("(?:.*/)?(maven|gradle|golang|rust)(:.*)?");

    private static final Pattern JDK_IMAGE = Pattern.compile("(?:.*/)?(eclipse-temurin|openjdk|amazoncorretto)(:.*)?");

    @Override
    public PracticeInfo info() {
        return INFO;
    }

    @Override
    public List<PracticeHit> inspect(PracticeInput input) {
        List<PracticeHit> hits = new ArrayList<>();
        Instruction.From from = input.finalStage().from();
        String image = from.image().toLowerCase(Locale.ROOT);
        if (!input.fromStage(input.finalStage()) && (BUILD_IMAGE.matcher(image).matches()
                || (JDK_IMAGE.matcher(image).matches() && !image.contains("jre")))) {
            hits.add(new PracticeHit(from.location(), "the final stage is based on the build image \"" + from.image()
                    + "\""));
        }
        for (Instruction instruction : input.finalStage().instructions()) {
            if (instruction instanceof Instruction.Run run) {
                List<String> tools = new ArrayList<>();
                for (List<String> install : installs(run)) {
                    ShellCommands.operands(install).stream().filter(name -> TOOL_PACKAGE.matcher(name).matches())
                            .forEach(tools::add);
                }
                if (!tools.isEmpty()) {
                    hits.add(new PracticeHit(run.location(), "build tools installed in the final stage: "
                            + String.join(", ", tools)));
                }
            }
        }
        return hits;
    }

    private static List<List<String>> installs(Instruction.Run run) {
        List<List<String>> installs = new ArrayList<>();
        installs.addAll(ShellCommands.invocations(run, Set.of("apt-get", "apt"), Set.of("install")));
        installs.addAll(ShellCommands.invocations(run, Set.of("apk"), Set.of("add")));
        installs.addAll(ShellCommands.invocations(run, Set.of("yum", "dnf", "microdnf"), Set.of("install")));
        return installs;
    }
}
