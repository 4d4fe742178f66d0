package dev.berth.container;

import dev.berth.error.ExecutionException;
import dev.berth.image.ContainerConfig;
import dev.berth.sandbox.SandboxProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's resolution of a container's process from the image config and the request: the command is
 * Entrypoint + Cmd, where {@code --entrypoint} replaces Entrypoint and drops the image's Cmd, and arguments
 * after the image replace Cmd; the environment is the image's Env with the request's pairs set over it (in
 * place when the key exists, appended otherwise); working directory and user come from the image unless given.
 */
public final class ContainerCommand {

    private ContainerCommand() {
    }

    /** The process to run; throws {@link ExecutionException} when there is no command at all or the working directory is relative. */
    public static SandboxProcess resolve(ContainerConfig image, ContainerSpec request) {
        List<String> entrypoint = entrypoint(image, request);
        List<String> cmd = !request.args().isEmpty() ? request.args()
                : request.entrypoint().isPresent() ? List.of() : image.cmd();
        List<String> args = new ArrayList<>(entrypoint);
        args.addAll(cmd);
        if (args.isEmpty()) {
            throw new ExecutionException("no command specified");
        }
        String workingDir = request.workingDir().filter(w -> !w.isEmpty())
                .orElse(image.workingDir().isEmpty() ? "/" : image.workingDir());
        if (!workingDir.startsWith("/")) {
            throw new ExecutionException("the working directory '" + workingDir + "' is invalid, it needs to be an absolute path");
        }
        String user = request.user().orElse(image.user());
        return new SandboxProcess(args, environment(image.env(), request.env()), user, workingDir, request.terminal());
    }

    /** The container's Entrypoint: {@code --entrypoint} (empty: none), else the image's. */
    public static List<String> entrypoint(ContainerConfig image, ContainerSpec request) {
        return request.entrypoint().map(e -> e.isEmpty() ? List.<String>of() : List.of(e)).orElse(image.entrypoint());
    }

    /** {@code base} with each {@code KEY=VALUE} of {@code overrides} set over it, keeping the first order. */
    public static List<String> environment(List<String> base, List<String> overrides) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String pair : base) {
            byKey.put(key(pair), pair);
        }
        for (String pair : overrides) {
            byKey.put(key(pair), pair);
        }
        return List.copyOf(byKey.values());
    }

    private static String key(String pair) {
        int equals = pair.indexOf('=');
        return equals < 0 ? pair : pair.substring(0, equals);
    }
}
