package dev.berth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.ContextExclusion;
import dev.berth.api.ContextFile;
import dev.berth.api.SourceTools;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth context ls}: the files a build would see after the ignore file, with their sizes, or
 * with {@code --why PATH} the ignore-file line that excludes a path.
 */
@Command(
        name = "ls",
        mixinStandardHelpOptions = true,
        description = "Lists the files a build of CONTEXT would see after its ignore file, with sizes and a total.")
final class ContextListCommand implements Callable<Integer> {

    enum Order { path, size }

    private final ObjectMapper mapper = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CONTEXT", description = "The build context directory.")
    Path context;

    @Option(names = {"-f", "--file"}, paramLabel = "Dockerfile",
            description = "The Dockerfile; its <name>.dockerignore, if present, replaces <CONTEXT>/.dockerignore.")
    Path dockerfile;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "path",
            description = "Order of the listing: ${COMPLETION-CANDIDATES} (largest first). Default: ${DEFAULT-VALUE}.")
    Order order;

    @Option(names = "--why", paramLabel = "PATH",
            description = "Instead of listing, tell whether PATH is excluded and by which ignore-file line.")
    String why;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (why != null) {
            explain(SourceTools.explainExclusion(context, Optional.ofNullable(dockerfile), why), out);
        } else {
            List<ContextFile> files = SourceTools.listContext(context, Optional.ofNullable(dockerfile)).stream()
                    .filter(entry -> entry.kind() != ContextFile.Kind.DIRECTORY)
                    .toList();
            if (order == Order.size) {
                files = files.stream().sorted(Comparator.comparingLong(ContextFile::size).reversed()).toList();
            }
            if (json) {
                printJson(files, out);
            } else {
                printTable(files, out);
            }
        }
        out.flush();
        return 0;
    }

    private void explain(ContextExclusion exclusion, PrintWriter out) throws Exception {
        Optional<ContextExclusion.Rule> rule = exclusion.rule();
        String file = exclusion.ignoreFile().map(path -> shown(path)).orElse("(no ignore file)");
        if (json) {
            ObjectNode answer = mapper.createObjectNode().put("path", why).put("excluded", rule.isPresent());
            rule.ifPresent(r -> answer.put("file", file).put("line", r.line()).put("pattern", r.pattern()));
            out.println(mapper.writeValueAsString(answer));
        } else if (rule.isPresent()) {
            out.printf("%s is excluded by %s line %d: %s%n", why, file, rule.get().line(), rule.get().pattern());
        } else {
            out.printf("%s is not excluded (ignore file: %s)%n", why, file);
        }
    }

    private static void printTable(List<ContextFile> files, PrintWriter out) {
        out.printf("%10s  %s%n", "SIZE", "PATH");
        long total = 0;
        for (ContextFile entry : files) {
            total += entry.size();
            String suffix = entry.kind() == ContextFile.Kind.SYMLINK ? " (symlink)" : "";
            out.printf("%10s  %s%s%n", ByteSize.format(entry.size()), entry.path(), suffix);
        }
        out.printf("%10s  total, %d %s%n", ByteSize.format(total), files.size(), files.size() == 1 ? "file" : "files");
    }

    private void printJson(List<ContextFile> files, PrintWriter out) throws Exception {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("files");
        long total = 0;
        for (ContextFile entry : files) {
            total += entry.size();
            array.addObject()
                    .put("path", entry.path())
                    .put("type", entry.kind().name().toLowerCase(Locale.ROOT))
                    .put("size", entry.size())
                    .put("mode", String.format("%04o", entry.permissions()))
                    .put("mtime", entry.modified().toString());
        }
        root.putObject("total").put("files", files.size()).put("size", total);
        out.println(mapper.writeValueAsString(root));
    }

    private static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
