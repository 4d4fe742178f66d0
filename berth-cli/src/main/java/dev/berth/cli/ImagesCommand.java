package dev.berth.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Berth;
import dev.berth.api.ImageSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth images}: Docker's image table, {@code -q}, filters and {@code --format}. */
@Command(name = "images", description = "List images.", mixinStandardHelpOptions = true)
class ImagesCommand implements Callable<Integer> {

    static final String DEFAULT_FORMAT = "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}";
    static final String DIGESTS_FORMAT =
            "table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t{{.CreatedSince}}\\t{{.Size}}";
    static final Map<String, String> TITLES = Map.ofEntries(Map.entry("ID", "IMAGE ID"),
            Map.entry("CreatedSince", "CREATED"), Map.entry("CreatedAt", "CREATED AT"),
            Map.entry("SharedSize", "SHARED SIZE"), Map.entry("UniqueSize", "UNIQUE SIZE"),
            Map.entry("VirtualSize", "VIRTUAL SIZE"));
    private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'")
            .withZone(ZoneOffset.UTC);

    @Mixin
    BerthOptions berth;

    @Option(names = {"-q", "--quiet"}, description = "Only show image IDs.")
    boolean quiet;

    @Option(names = {"-a", "--all"}, description = "Show all images (Berth stores no intermediate images).")
    boolean all;

    @Option(names = "--no-trunc", description = "Don't truncate output.")
    boolean noTrunc;

    @Option(names = "--digests", description = "Show digests.")
    boolean digests;

    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER",
            description = "Filter output: dangling=true|false, reference=PATTERN.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Go-template-like format: 'table', 'json', '{{json .}}', '{{.Repository}}:{{.Tag}}' ...")
    String format;

    @Parameters(arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String repository;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Predicate<ImageSummary> keep = ImageFilter.parse(filters).and(ImageFilter.repository(Optional.ofNullable(repository)));
        List<ImageSummary> rows;
        try (Berth store = berth.open()) {
            rows = store.images().stream().filter(keep).toList();
        }
        print(rows, berth.clock().instant(), spec.commandLine().getOut());
        return 0;
    }

    void print(List<ImageSummary> rows, Instant now, PrintWriter out) {
        List<ObjectNode> lines = new ArrayList<>();
        for (ImageSummary row : rows) {
            for (String digest : digestsShown(row)) {
                lines.add(fields(row, digest, now));
            }
        }
        new Listing(digests ? DIGESTS_FORMAT : DEFAULT_FORMAT, TITLES).print(lines, tableWithDigest(format), quiet, out);
    }

    /**
     * The Digest of each line a row prints, as the Docker CLI's image formatter gives them: with {@code --digests} a
     * line per repo digest ({@code <none>} for a tag without one); without, one line, {@code <none>} for a tag and
     * empty for a repository of digests only.
     */
    private List<String> digestsShown(ImageSummary row) {
        if (row.repository().isEmpty() || (row.digests().isEmpty() && row.tag().isPresent())) {
            return List.of("<none>");
        }
        if (!digests) {
            return List.of(row.tag().isPresent() ? "<none>" : "");
        }
        return row.digests().stream().map(Object::toString).toList();
    }

    /** Docker puts the DIGEST column after TAG of a {@code table} template that lacks one when {@code --digests}. */
    private String tableWithDigest(String template) {
        if (!digests || template == null || !template.startsWith("table") || template.contains("{{.Digest}}")
                || template.strip().equals("table")) {
            return template;
        }
        return template.replaceFirst("\\{\\{\\.Tag}}", "{{.Tag}}\\\\t{{.Digest}}");
    }

    ObjectNode fields(ImageSummary row, String digest, Instant now) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Containers", "N/A");
        node.put("CreatedAt", row.created().map(GO_TIME::format).orElse(""));
        node.put("CreatedSince", RelativeTime.since(row.created(), now));
        node.put("Digest", digest);
        node.put("ID", noTrunc ? row.id().toString() : row.id().shortHex());
        node.put("Repository", row.repository().orElse("<none>"));
        node.put("SharedSize", "N/A");
        node.put("Size", ByteSize.format(row.size(), 3));
        node.put("Tag", row.tag().orElse("<none>"));
        node.put("UniqueSize", "N/A");
        node.put("VirtualSize", ByteSize.format(row.size()));
        return node;
    }
}
