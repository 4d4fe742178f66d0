package dev.berth.cli;

import dev.berth.api.Berth;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth cp [-a] [-L] [-q] CONTAINER:SRC_PATH DEST_PATH|-} and {@code berth cp SRC_PATH|- CONTAINER:DEST_PATH}:
 * Docker's arguments (a path starting with {@code /} or {@code .} is local even with a colon), Docker's
 * {@code Successfully copied SIZE to DEST} on stderr unless {@code -q} or the destination is {@code -}.
 */
@Command(name = "cp", mixinStandardHelpOptions = true,
        description = {"Copy files/folders between a container and the local filesystem.",
                "Use '-' as the source to read a tar archive from stdin and extract it to a directory destination in "
                        + "a container. Use '-' as the destination to stream a tar archive of a container source to "
                        + "stdout."})
class CpCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Parameters(index = "0", paramLabel = "SRC", description = "CONTAINER:SRC_PATH, or a local SRC_PATH or -.")
    String source;

    @Parameters(index = "1", paramLabel = "DEST", description = "A local DEST_PATH or -, or CONTAINER:DEST_PATH.")
    String destination;

    @Option(names = {"-a", "--archive"}, description = "Archive mode (copy all uid/gid information).")
    boolean archive;

    @Option(names = {"-L", "--follow-link"}, description = "Always follow symbol link in SRC_PATH.")
    boolean followLink;

    @Option(names = {"-q", "--quiet"}, description = "Suppress progress output during copy.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** A {@code cp} argument: {@code container} empty for a local path. */
    record CopyArgument(String container, String path) {

        /** Docker's {@code splitCpArg}: a path starting with {@code /} or {@code .} is local, colon or not. */
        static CopyArgument parse(String argument) {
            int colon = argument.indexOf(':');
            if (argument.startsWith("/") || argument.startsWith(".") || colon < 0) {
                return new CopyArgument("", argument);
            }
            return new CopyArgument(argument.substring(0, colon), argument.substring(colon + 1));
        }

        boolean local() {
            return container.isEmpty();
        }
    }

    @Override
    public Integer call() throws Exception {
        CopyArgument from = CopyArgument.parse(source);
        CopyArgument to = CopyArgument.parse(destination);
        if (from.local() && to.local()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "must specify at least one container source");
        }
        if (!from.local() && !to.local()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "copying between containers is not supported");
        }
        if (from.path().isEmpty() || to.path().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "filesystem path cannot be empty");
        }
        try (Berth store = berth.open()) {
            var containers = store.containers();
            long copied;
            String shown;
            if (!from.local()) {
                if (to.path().equals("-")) {
                    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
                    containers.copyOut(from.container(), from.path(), followLink, stdout);
                    stdout.flush();
                    return 0;
                }
                copied = containers.copyOut(from.container(), from.path(), followLink, to.path());
                shown = to.path();
            } else {
                copied = from.path().equals("-")
                        ? containers.copyIn(to.container(), new FileInputStream(FileDescriptor.in), to.path(), archive)
                        : containers.copyIn(to.container(), from.path(), followLink, to.path(), archive);
                shown = destination;
            }
            if (!quiet) {
                spec.commandLine().getErr().println("Successfully copied " + ByteSize.format(copied, 3) + " to " + shown);
                spec.commandLine().getErr().flush();
            }
            return 0;
        }
    }
}
