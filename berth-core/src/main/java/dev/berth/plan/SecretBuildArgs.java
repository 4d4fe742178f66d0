package dev.berth.plan;

import dev.berth.diagnostic.Diagnostic;
import dev.berth.diagnostic.SourceRange;
import dev.berth.dockerfile.check.SecretNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build's warning about a secret-looking build arg ({@link SecretNames}: {@code NPM_TOKEN},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code PASSWORD}...) with a value that a RUN sees: the value is in the RUN's
 * environment and, as BuildKit records it, in the image's history ({@code RUN |1 NPM_TOKEN=... /bin/sh -c ...}),
 * for anyone who pulls the image. One warning per RUN and arg, at the RUN; the value is never shown. An empty
 * value leaks nothing and is not reported; proxy args never reach history.
 */
public final class SecretBuildArgs {

    /** The warning's rule, which starts its message as every rule's name starts its findings' (the build summary). */
    public static final String RULE = "SecretBuildArgInRun";
    public static final String FIX = "pass it with berth build --secret id=NAME,env=NAME and RUN --mount=type=secret";

    private SecretBuildArgs() {
    }

    /** Whether {@code warning} is one of these. */
    public static boolean isOne(Diagnostic warning) {
        return warning.message().startsWith(RULE + ": ");
    }

    static List<Diagnostic> warnings(String file, List<PlannedStage> stages) {
        List<Diagnostic> warnings = new ArrayList<>();
        for (PlannedStage stage : stages) {
            for (Step step : stage.steps()) {
                if (!(step instanceof Step.RunStep run)) {
                    continue;
                }
                List<String> recorded = run.args().keySet().stream()
                        .filter(name -> !run.proxyArgs().contains(name)).toList();
                for (Map.Entry<String, String> arg : run.args().entrySet()) {
                    String name = arg.getKey();
                    if (recorded.contains(name) && !arg.getValue().isEmpty() && SecretNames.looksSecret(name)) {
                        warnings.add(warning(file, run.position(), name, recorded.size()));
                    }
                }
            }
        }
        return List.copyOf(warnings);
    }

    private static Diagnostic warning(String file, StepPosition at, String name, int recorded) {
        String mount = "RUN --mount=type=secret,id=" + name + ",env=" + name;
        return Diagnostic.warning(file, SourceRange.columns(at.startLine(), at.startColumn(), at.startColumn() + 3),
                RULE + ": build arg " + name + " looks like a secret and reaches RUN: its value is recorded in the"
                        + " image history (RUN |" + recorded + " " + name + "=…); pass it with --secret id=" + name + ",env=" + name
                        + " and " + mount)
                .withHint("berth build --secret id=" + name + ",env=" + name + " with " + mount);
    }
}
