package dev.berth.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.error.TransferException;
import dev.berth.io.SearchPath;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Docker credential helper, {@code docker-credential-NAME} on the injected {@code PATH}, spoken to as Docker does:
 * the verb as the one argument ({@code get}, {@code store}, {@code erase}), the request on standard input, JSON
 * back. Secrets go through the pipes only, never the arguments, and are never quoted in an error.
 */
record CredentialHelper(String name, Map<String, String> environment) {

    private static final long TIMEOUT_SECONDS = 30;

    /** The helper's credentials for {@code serverUrl}, empty when it has none. */
    Optional<RegistryCredentials> get(String serverUrl) {
        Result result = run("get", serverUrl);
        if (result.exit() != 0) {
            if (result.output().contains("credentials not found")) {
                return Optional.empty();
            }
            throw new TransferException("credential helper " + executableName() + " get " + serverUrl + " failed (exit "
                    + result.exit() + "): " + firstLine(result.output()));
        }
        try {
            JsonNode reply = new ObjectMapper().readTree(result.output());
            String username = reply.path("Username").asText("");
            String secret = reply.path("Secret").asText("");
            return secret.isEmpty() ? Optional.empty() : Optional.of(new RegistryCredentials(username, secret));
        } catch (IOException e) {
            throw new TransferException("credential helper " + executableName() + " gave no JSON for " + serverUrl);
        }
    }

    void store(String serverUrl, RegistryCredentials credentials) {
        ObjectNode request = new ObjectMapper().createObjectNode();
        request.put("ServerURL", serverUrl).put("Username", credentials.username()).put("Secret", credentials.secret());
        Result result = run("store", request.toString());
        if (result.exit() != 0) {
            throw new TransferException("credential helper " + executableName() + " could not store credentials for "
                    + serverUrl + " (exit " + result.exit() + "): " + firstLine(result.output()));
        }
    }

    void erase(String serverUrl) {
        Result result = run("erase", serverUrl);
        if (result.exit() != 0 && !result.output().contains("not found")) {
            throw new TransferException("credential helper " + executableName() + " could not erase credentials for "
                    + serverUrl + " (exit " + result.exit() + "): " + firstLine(result.output()));
        }
    }

    String executableName() {
        return "docker-credential-" + name;
    }

    private record Result(int exit, String output) {}

    private Result run(String verb, String input) {
        Path executable = find();
        try {
            Process process = new ProcessBuilder(executable.toString(), verb).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TransferException("credential helper " + executableName() + " did not answer " + verb
                        + " within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new TransferException("running credential helper " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException("interrupted while running credential helper " + executableName(), e);
        }
    }

    private Path find() {
        return SearchPath.of(environment).find(executableName()).orElseThrow(() -> new TransferException(
                "credential helper " + executableName() + " is configured but not found on PATH"));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
