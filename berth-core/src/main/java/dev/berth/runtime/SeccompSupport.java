package dev.berth.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Whether a runtime binary applies seccomp filters: runc says so in {@code runc features}
 * ({@code linux.seccomp.enabled}, runc 1.1+); crun 1.8 has no {@code features} command but lists
 * {@code +SECCOMP} among its build options in {@code crun --version}. A runtime that cannot say is taken as not
 * supporting it: a spec with a seccomp section fails on a runtime built without libseccomp.
 */
final class SeccompSupport {

    private SeccompSupport() {
    }

    static boolean of(String name, Path executable) {
        return switch (name) {
            case "runc" -> fromFeatures(output(executable, "features"));
            case "crun" -> fromVersion(output(executable, "--version"));
            default -> false;
        };
    }

    /** {@code linux.seccomp.enabled} of the runtime-spec features document. */
    static boolean fromFeatures(String json) {
        try {
            return new ObjectMapper().readTree(json).path("linux").path("seccomp").path("enabled").asBoolean(false);
        } catch (IOException notJson) {
            return false;
        }
    }

    /** crun's version text lists its build options as {@code +NAME}/{@code -NAME}. */
    static boolean fromVersion(String text) {
        return text.lines().anyMatch(line -> line.contains("+SECCOMP"));
    }

    private static String output(Path executable, String argument) {
        try {
            Process process = new ProcessBuilder(executable.toString(), argument)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
