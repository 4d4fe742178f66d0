package dev.berth.compose.load;

import dev.berth.compose.model.MergeTag;
import dev.berth.compose.model.ComposeNode;
import dev.berth.compose.model.NodePosition;
import dev.berth.compose.model.ScalarType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one Compose file's YAML into {@link ComposeNode}s with their lines: SnakeYAML Engine composes the document
 * (anchors and aliases resolved), and this turns it into Compose's values: plain scalars typed as yaml.v3 types
 * them, {@code <<} merge keys applied (explicit keys win, earlier maps win over later), {@code !reset} and
 * {@code !override} kept as merge tags, and a key written twice refused as yaml.v3 refuses it.
 */
final class YamlNodeReader {

    private static final String MERGE_KEY = "<<";

    private final String file;

    private YamlNodeReader(String file) {
        this.file = file;
    }

    /** The documents of {@code text} ({@code ---} separates them), at least one: an empty mapping for an empty file. */
    static List<ComposeNode> read(String file, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(true)
                .setMaxAliasesForCollections(1000).build();
        List<org.snakeyaml.engine.v2.nodes.Node> documents = new ArrayList<>();
        try {
            new Compose(settings).composeAllFromString(text).forEach(documents::add);
        } catch (MarkedYamlEngineException bad) {
            Mark mark = bad.getProblemMark().or(bad::getContextMark).orElse(null);
            NodePosition at = mark == null ? new NodePosition(file, 1, 1)
                    : new NodePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
            throw ComposeErrors.at(at, "yaml: " + bad.getProblem());
        } catch (YamlEngineException bad) {
            throw ComposeErrors.at(new NodePosition(file, 1, 1), "yaml: " + bad.getMessage());
        }
        YamlNodeReader reader = new YamlNodeReader(file);
        List<ComposeNode> converted = documents.stream().map(reader::convert).toList();
        return converted.isEmpty() ? List.of(ComposeNode.Mapping.empty(new NodePosition(file, 1, 1))) : converted;
    }

    private NodePosition position(org.snakeyaml.engine.v2.nodes.Node node) {
        return node.getStartMark().map(mark -> new NodePosition(file, mark.getLine() + 1, mark.getColumn() + 1))
                .orElse(new NodePosition(file, 1, 1));
    }

    private ComposeNode convert(org.snakeyaml.engine.v2.nodes.Node node) {
        MergeTag tag = switch (node.getTag().getValue()) {
            case "!reset" -> MergeTag.RESET;
            case "!override" -> MergeTag.OVERRIDE;
            default -> MergeTag.NONE;
        };
        ComposeNode converted = switch (node) {
            case ScalarNode scalar -> scalar(scalar, tag != MergeTag.NONE);
            case SequenceNode sequence -> ComposeNode.Sequence.of(
                    sequence.getValue().stream().map(this::convert).toList(), position(node));
            case MappingNode mapping -> mapping(mapping);
            default -> throw ComposeErrors.at(position(node), "yaml: unexpected node " + node.getNodeType());
        };
        return tag == MergeTag.NONE ? converted : converted.withTag(tag);
    }

    private ComposeNode scalar(ScalarNode scalar, boolean mergeTagged) {
        NodePosition at = position(scalar);
        if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
            return ComposeNode.Scalar.string(scalar.getValue(), at);
        }
        if (mergeTagged && scalar.getValue().isEmpty()) {
            return ComposeNode.Scalar.nullAt(at);
        }
        ScalarResolver.Resolved resolved = ScalarResolver.resolve(scalar.getValue());
        return ComposeNode.Scalar.of(resolved.type() == ScalarType.STRING ? scalar.getValue() : resolved.text(),
                resolved.type(), at);
    }

    private ComposeNode mapping(MappingNode mapping) {
        LinkedHashMap<String, ComposeNode> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        List<ComposeNode.Mapping> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            ComposeNode key = convert(tuple.getKeyNode());
            String name = key instanceof ComposeNode.Scalar scalar ? scalar.text()
                    : failKey(key.position());
            if (name.equals(MERGE_KEY) && key instanceof ComposeNode.Scalar scalar && scalar.type() == ScalarType.STRING) {
                merged.addAll(mergeSources(convert(tuple.getValueNode())));
                continue;
            }
            Integer earlier = lines.putIfAbsent(name, key.position().line());
            if (earlier != null) {
                throw ComposeErrors.at(key.position(),
                        "yaml: mapping key \"" + name + "\" already defined at line " + earlier);
            }
            entries.put(name, convert(tuple.getValueNode()));
        }
        for (ComposeNode.Mapping source : merged) {
            source.entries().forEach(entries::putIfAbsent);
        }
        return ComposeNode.Mapping.of(entries, position(mapping));
    }

    private List<ComposeNode.Mapping> mergeSources(ComposeNode value) {
        return switch (value) {
            case ComposeNode.Mapping mapping -> List.of(mapping);
            case ComposeNode.Sequence sequence -> {
                List<ComposeNode.Mapping> sources = new ArrayList<>();
                for (ComposeNode item : sequence.items()) {
                    if (!(item instanceof ComposeNode.Mapping mapping)) {
                        throw ComposeErrors.at(item.position(), "yaml: map merge requires map or sequence of maps");
                    }
                    sources.add(mapping);
                }
                yield sources;
            }
            case ComposeNode.Scalar scalar -> throw ComposeErrors.at(scalar.position(),
                    "yaml: map merge requires map or sequence of maps as the value");
        };
    }

    private static String failKey(NodePosition at) {
        throw ComposeErrors.at(at, "yaml: a mapping key must be a scalar");
    }
}
