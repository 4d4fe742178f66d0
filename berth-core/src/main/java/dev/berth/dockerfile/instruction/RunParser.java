package dev.berth.dockerfile.instruction;

import dev.berth.dockerfile.syntax.Node;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** RUN: the command in shell or exec form (or heredocs), its mounts, network and security mode. */
final class RunParser {

    private RunParser() {}

    static Instruction.Run parse(Node node, Location location, ParsedFlags flags) {
        if (node.args().isEmpty() && node.heredocs().isEmpty()) {
            throw new RejectedWord(InstructionParser.keyword(node), "RUN requires at least one argument");
        }
        List<Mount> mounts = flags.strings("mount").stream()
                .map(value -> MountParser.parse(writtenMount(node, value), value))
                .toList();
        Optional<NetworkMode> network = flags.string("network").map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "default" -> NetworkMode.DEFAULT;
            case "none" -> NetworkMode.NONE;
            case "host" -> NetworkMode.HOST;
            default -> throw new RejectedWord(flags.written("network"), "network mode \"" + value + "\" not supported");
        });
        Optional<SecurityMode> security = flags.string("security").map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "sandbox" -> SecurityMode.SANDBOX;
            case "insecure" -> SecurityMode.INSECURE;
            default -> throw new RejectedWord(flags.written("security"), "security mode \"" + value + "\" not supported");
        });
        return new Instruction.Run(location, InstructionParser.command(node), mounts, network, security, node.heredocs());
    }

    private static String writtenMount(Node node, String value) {
        return node.flags().stream().filter(flag -> flag.endsWith("=" + value)).findFirst().orElse("--mount");
    }
}
