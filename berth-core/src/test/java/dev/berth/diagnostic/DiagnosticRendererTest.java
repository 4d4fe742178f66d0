package dev.berth.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {

    private final DiagnosticRenderer renderer = new DiagnosticRenderer();

    @Test
    void showsHeadlineColumnLineCaretAndHint() {
        SourceFile source = new SourceFile("Dockerfile", "FROM scratch\nCOPPY . /app\n");
        Diagnostic diagnostic = Diagnostic.error("Dockerfile", SourceRange.columns(2, 1, 6),
                "unknown instruction \"COPPY\"").withHint("did you mean COPY?");

        assertThat(renderer.render(diagnostic, source)).isEqualTo("""
                Dockerfile:2: unknown instruction "COPPY"
                 --> Dockerfile:2:1
                  |
                2 | COPPY . /app
                  | ^^^^^
                  = hint: did you mean COPY?
                """);
    }

    @Test
    void cutsOverlongLinesAroundTheCaret() {
        String line = "RUN " + "x".repeat(10_000) + " BAD";
        SourceFile source = new SourceFile("Dockerfile", line);
        Diagnostic diagnostic = Diagnostic.error("Dockerfile", SourceRange.columns(1, 10_006, 10_009), "bad");

        String rendered = renderer.render(diagnostic, source);

        assertThat(rendered.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(200);
        assertThat(rendered).contains("...").contains("BAD").contains("^^^");
    }

    @Test
    void omitsTheSnippetWhenTheSourceIsAnotherFile() {
        Diagnostic diagnostic = Diagnostic.warning(".dockerignore", SourceRange.line(4), "pattern never matches");

        assertThat(renderer.render(diagnostic, new SourceFile("Dockerfile", "FROM a\n")))
                .isEqualTo(".dockerignore:4: warning: pattern never matches\n --> .dockerignore:4:1\n");
    }
}
