package dev.berth.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.context.BuildContext;
import dev.berth.context.ContextEntry;
import dev.berth.context.FileKind;
import dev.berth.dockerfile.ignore.IgnorePattern;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
        BuildContext build = BuildContext.open(context, Optional.ofNullable(dockerfile));
        PrintWriter out = spec.commandLine().getOut();
        if (why != null) {
            explain(build, out);
        } else {
            List<ContextEntry> files = build.list().stream()
                    .filter(entry -> entry.type() != FileKind.DIRECTORY)
                    .toList();
            if (order == Order.size) {
                files = files.stream().sorted(Comparator.comparingLong(ContextEntry::size).reversed()).toList();
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

    private void explain(BuildContext build, PrintWriter out) throws Exception {
        Optional<IgnorePattern> pattern = build.ignore().explain(why);
        String file = build.ignoreFile().map(path -> shown(path)).orElse("(no ignore file)");
        if (json) {
            ObjectNode answer = JSON.createObjectNode().put("path", why).put("excluded", pattern.isPresent());
            pattern.ifPresent(p -> answer.put("file", file).put("line", p.line()).put("pattern", p.text()));
            out.println(JSON.writeValueAsString(answer));
        } else if (pattern.isPresent()) {
            out.printf("%s is excluded by %s line %d: %s%n", why, file, pattern.get().line(), pattern.get().text());
        } else {
            out.printf("%s is not excluded (ignore file: %s)%n", why, file);
        }
    }

    private static void printTable(List<ContextEntry> files, PrintWriter out) {
        out.printf("%10s  %s%n", "SIZE", "PATH");
        long total = 0;
        for (ContextEntry entry : files) {
            total += entry.size();
            String suffix = entry.type() == FileKind.SYMLINK ? " (symlink)" : "";
            out.printf("%10s  %s%s%n", ByteSize.format(entry.size()), entry.path(), suffix);
        }
        out.printf("%10s  total, %d %s%n", ByteSize.format(total), files.size(), files.size() == 1 ? "file" : "files");
    }

    private static void printJson(List<ContextEntry> files, PrintWriter out) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("files");
        long total = 0;
        for (ContextEntry entry : files) {
            total += entry.size();
            array.addObject()
                    .put("path", entry.path())
                    .put("type", entry.type().name().toLowerCase(Locale.ROOT))
                    .put("size", entry.size())
                    .put("mode", String.format("%04o", entry.permissions()))
                    .put("mtime", Instant.EPOCH.plusNanos(entry.stat().mtimeNanos()).toString());
        }
        root.putObject("total").put("files", files.size()).put("size", total);
        out.println(JSON.writeValueAsString(root));
    }

    private static String shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
