package dev.berth.dockerfile.shellcheck;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The shells ShellCheck knows, by the name its {@code shell=} directive takes. */
public enum ShellDialect {
    SH,
    BASH,
    DASH,
    KSH;

    /** The name ShellCheck's {@code # shellcheck shell=} directive and {@code -s} take. */
    public String directiveName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The dialect of a SHELL instruction's argv ({@code ["/bin/bash", "-o", "pipefail", "-c"]} is bash); empty for
     * shells ShellCheck cannot check (PowerShell, cmd, zsh, fish, anything else). busybox's ash is checked as sh.
     */
    public static Optional<ShellDialect> ofShell(List<String> argv) {
        return argv.isEmpty() ? Optional.empty() : ofProgram(argv.getFirst());
    }

    /**
     * The dialect a {@code #!} line names ({@code #!/bin/bash}, {@code #!/usr/bin/env bash}); empty for another
     * interpreter (python, node...).
     */
    public static Optional<ShellDialect> ofShebang(String line) {
        List<String> words = List.of(line.substring(2).strip().split("\\s+"));
        if (words.isEmpty() || words.getFirst().isEmpty()) {
            return Optional.empty();
        }
        String program = words.getFirst();
        if (program.endsWith("/env") && words.size() > 1) {
            program = words.stream().skip(1).filter(word -> !word.startsWith("-")).findFirst().orElse("");
        }
        return ofProgram(program);
    }

    private static Optional<ShellDialect> ofProgram(String path) {
        String program = path.substring(path.lastIndexOf('/') + 1);
        return switch (program) {
            case "sh", "ash", "busybox" -> Optional.of(SH);
            case "bash" -> Optional.of(BASH);
            case "dash" -> Optional.of(DASH);
            case "ksh", "mksh", "ksh93" -> Optional.of(KSH);
            default -> Optional.empty();
        };
    }
}
