package dev.berth.cli;

import dev.berth.api.Berth;
import dev.berth.api.LoginRequest;
import dev.berth.api.LoginResult;
import dev.berth.error.TransferException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth login [-u USER] [--password-stdin] [REGISTRY]}: checks the credentials against the registry, then
 * stores them where Docker would ({@code ~/.docker/config.json} or its credential helper). Docker Hub by default.
 */
@Command(name = "login", description = "Log in to a registry.", mixinStandardHelpOptions = true)
class LoginCommand implements Callable<Integer> {

    @Mixin
    BerthOptions berth;

    @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "Username.")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "Password (insecure: it shows in the process list; use --password-stdin).")
    String password;

    @Option(names = "--password-stdin", description = "Take the password from stdin.")
    boolean passwordStdin;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REGISTRY", description = "Default: Docker Hub.")
    String registry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Console console = System.console();
        if (passwordStdin && password != null) {
            throw new TransferException("--password and --password-stdin are mutually exclusive");
        }
        if (password != null) {
            err.println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        }
        if (passwordStdin) {
            if (username == null) {
                throw new TransferException("must provide --username with --password-stdin");
            }
            password = readStdin();
        }
        if (username == null) {
            if (console == null) {
                throw new TransferException("cannot ask for a username without a terminal: give -u USER");
            }
            username = console.readLine("Username: ").strip();
        }
        if (password == null) {
            if (console == null) {
                throw new TransferException("cannot ask for a password without a terminal: use --password-stdin");
            }
            password = new String(console.readPassword("Password: "));
        }
        if (username.isEmpty() || password.isEmpty()) {
            throw new TransferException("a login needs a user name and a password");
        }
        LoginRequest.Builder request = LoginRequest.builder(username, password);
        if (registry != null) {
            request.registry(registry);
        }
        LoginResult result;
        try (Berth store = berth.open()) {
            result = store.registries().login(request.build());
        }
        err.println("Credentials for " + result.registry() + " stored in " + result.storedIn());
        err.flush();
        out.println("Login Succeeded");
        out.flush();
        return 0;
    }

    /** The password as Docker reads it from stdin: all of it, without the trailing line break. */
    private static String readStdin() throws IOException {
        String text = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                .reduce((a, b) -> a + "\n" + b).orElse("");
        return text.replaceFirst("[\r\n]+$", "");
    }
}
