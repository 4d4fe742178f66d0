package dev.berth.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.berth.api.Berth;
import dev.berth.api.Settings;
import dev.berth.api.compose.ComposeProjectRuns;
import dev.berth.api.compose.ProjectSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth compose ls}: the projects with running containers (with {@code -a}, any), from labels alone. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List running compose projects.")
final class ComposeLsCommand implements Callable<Integer> {

    @ParentCommand
    ComposeCommand compose;

    @Spec
    CommandSpec spec;

    @Option(names = {"-a", "--all"}, description = "Show all stopped Compose projects.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "Only display project names.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    String format;

    @Override
    public Integer call() {
        Settings settings = compose.settings();
        List<ProjectSummary> projects;
        try (Berth berth = Berth.open(settings)) {
            projects = ComposeProjectRuns.list(berth, all);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (quiet) {
            projects.forEach(project -> out.println(project.name()));
        } else if (format.equals("json")) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            projects.forEach(p -> array.addObject().put("Name", p.name()).put("Status", p.status())
                    .put("ConfigFiles", p.configFiles()));
            out.println(GoJson.compact(array));
        } else {
            StringBuilder text = new StringBuilder("NAME\tSTATUS\tCONFIG FILES\n");
            projects.forEach(p -> text.append(p.name()).append('\t').append(p.status()).append('\t')
                    .append(p.configFiles()).append('\n'));
            out.print(TabWriter.align(text.toString()));
        }
        out.flush();
        return 0;
    }
}
