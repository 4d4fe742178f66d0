package dev.berth.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.error.InvalidInputException;
import dev.berth.image.ContainerConfig;
import dev.berth.image.ImageConfig;
import dev.berth.image.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildPlannerTest {

    private static final String MULTI = """
            ARG BASE=scratch
            FROM ${BASE} AS tools
            ARG TOOL=make
            RUN install $TOOL
            FROM scratch AS docs
            COPY docs /docs
            FROM tools AS build
            COPY --from=docs /docs /in
            FROM busybox AS test
            COPY --from=build /out /out
            FROM scratch
            COPY --from=build /out /app
            """;

    private final BuildPlanner planner = new BuildPlanner(PredefinedArgs.LINUX_AMD64);

    @Test
    void keepsOnlyTheStagesTheTargetNeeds() {
        BuildGraph graph = planner.plan(new SourceFile("Dockerfile", MULTI), Map.of(), Optional.empty());

        assertThat(graph.stages()).extracting(PlannedStage::index).containsExactly(0, 1, 2, 4);
        assertThat(graph.require(2).base()).isEqualTo(new BaseImage.Stage(0));
        assertThat(graph.require(2).dependsOn()).containsExactly(0, 1);
        assertThat(graph.require(4).dependsOn()).containsExactly(2);
    }

    @Test
    void targetStopsAtItsStage() {
        BuildGraph graph = planner.plan(new SourceFile("Dockerfile", MULTI), Map.of(), Optional.of("test"));

        assertThat(graph.stages()).extracting(PlannedStage::index).containsExactly(0, 1, 2, 3);
        assertThat(graph.target().base()).isEqualTo(new BaseImage.Image("busybox"));
    }

    @Test
    void buildArgsReachTheStepsThatSeeThem() {
        BuildGraph graph = planner.plan(new SourceFile("Dockerfile", MULTI), Map.of("TOOL", "ninja", "BASE", "alpine"),
                Optional.of("tools"));

        PlannedStage tools = graph.target();
        assertThat(tools.base()).isEqualTo(new BaseImage.Image("alpine"));
        assertThat(tools.steps().get(1)).isInstanceOfSatisfying(Step.RunStep.class,
                run -> assertThat(run.args()).containsExactly(Map.entry("TOOL", "ninja")));
    }

    @Test
    void proxyBuildArgsReachRunOnlyAndAreMarked() {
        BuildGraph graph = planner.plan(new SourceFile("Dockerfile", "FROM scratch\nARG A=1\nRUN true\nCOPY a /a\n"),
                Map.of("HTTP_PROXY", "http://proxy", "A", "2"), Optional.empty());

        assertThat(graph.target().steps().get(1)).isInstanceOfSatisfying(Step.RunStep.class, run -> {
            assertThat(run.args()).containsExactly(Map.entry("A", "2"), Map.entry("HTTP_PROXY", "http://proxy"));
            assertThat(run.proxyArgs()).containsExactly("HTTP_PROXY");
        });
        assertThat(graph.target().steps().get(2).args()).containsExactly(Map.entry("A", "2"));
    }

    @Test
    void baseImageTriggersArePlannedInAScopeOfTheirOwn() {
        BaseImageConfigs bases = reference -> Optional.of(reference).filter("onbuild:1"::equals)
                .map(found -> ImageConfig.empty(Platform.of("linux", "amd64")).withConfig(ContainerConfig.builder()
                        .onBuild(List.of("ARG X=1", "RUN echo $X", "COPY --from=tools a /a")).build()));
        BuildGraph graph = new BuildPlanner(PredefinedArgs.LINUX_AMD64, bases).plan(new SourceFile("Dockerfile",
                "FROM onbuild:1 AS first\nARG Y=2\nRUN true\nFROM other\nFROM first\n"), Map.of(), Optional.empty());

        PlannedStage first = graph.require(0);
        assertThat(first.triggers()).extracting(Step::text).containsExactly("ARG X=1", "RUN echo $X",
                "COPY --from=tools a /a");
        assertThat(first.triggers().get(1).args()).containsExactly(Map.entry("X", "1"));
        assertThat(first.triggers().get(2)).isInstanceOfSatisfying(Step.CopyStep.class,
                copy -> assertThat(copy.source()).isEqualTo(new CopySource.ImageFiles("tools")));
        assertThat(first.steps().get(1).args()).containsExactly(Map.entry("Y", "2"));
        assertThat(graph.stages()).extracting(PlannedStage::triggers).last().asList().isEmpty();
    }

    @Test
    void whatATriggerRefusesIsRefusedInIt() {
        BaseImageConfigs bases = reference -> Optional.of(ImageConfig.empty(Platform.of("linux", "amd64"))
                .withConfig(ContainerConfig.builder().onBuild(List.of("COPY --chmod=u+x a /a")).build()));

        assertThatThrownBy(() -> new BuildPlanner(PredefinedArgs.LINUX_AMD64, bases)
                .plan(new SourceFile("Dockerfile", "FROM onbuild:1\n"), Map.of(), Optional.empty()))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.diagnostics())
                        .extracting(diagnostic -> diagnostic.file() + ":" + diagnostic.range().startLine() + " "
                                + diagnostic.message())
                        .containsExactly("ONBUILD of onbuild:1:2 invalid --chmod=u+x: only octal modes are supported"));
    }

    @Test
    void unknownTargetIsAnError() {
        assertThatThrownBy(() -> planner.plan(new SourceFile("Dockerfile", MULTI), Map.of(), Optional.of("nope")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("target stage \"nope\" could not be found");
    }

    @Test
    void copyFromAnUnknownNameIsAnImage() {
        BuildGraph graph = planner.plan(new SourceFile("Dockerfile", "FROM scratch\nCOPY --from=nginx:1 /etc/nginx /x\n"),
                Map.of(), Optional.empty());

        assertThat(graph.target().steps().getFirst()).isInstanceOfSatisfying(Step.CopyStep.class,
                copy -> assertThat(copy.source()).isEqualTo(new CopySource.ImageFiles("nginx:1")));
    }
}
