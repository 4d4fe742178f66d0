package dev.berth.container;

import dev.berth.error.ConflictException;
import dev.berth.error.ExecutionException;
import dev.berth.runtime.CommandLineRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code top}: the host's {@code ps} with the caller's options ({@code -ef} by default), its lines cut to the
 * container's processes (the runtime's {@code ps}), as Docker's daemon does.
 */
public final class ContainerTop {

    /** Docker's default {@code ps} options. */
    public static final List<String> DEFAULT_OPTIONS = List.of("-ef");

    /**
     * What {@code ps} printed for the container's processes.
     *
     * @param titles    the header's columns
     * @param processes one row per process, as many cells as titles (the last one holds the rest of the line)
     */
    public record Table(List<String> titles, List<List<String>> processes) {
        public Table {
            titles = List.copyOf(titles);
            processes = processes.stream().map(List::copyOf).toList();
        }
    }

    private ContainerTop() {
    }

    /** @throws ConflictException with Docker's text when the container is not running */
    public static Table of(ContainerRecord record, ContainerDirectory directory, List<String> psOptions) {
        if (!ContainerPhases.read(record, directory).isRunning()) {
            throw new ConflictException("container " + record.id() + " is not running");
        }
        List<Long> pids = CommandLineRuntime.of(record.runtime().name(), record.runtime().executable(),
                record.runtime().stateRoot(), "", record.seccomp()).pids(record.id());
        List<String> command = new ArrayList<>(List.of("ps"));
        command.addAll(psOptions.isEmpty() ? DEFAULT_OPTIONS : psOptions);
        return parse(run(command), Set.copyOf(new HashSet<>(pids)));
    }

    /** Docker's {@code parsePSOutput}: the PID column found in the header, the rows of {@code pids} kept. */
    static Table parse(String output, Set<Long> pids) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new ExecutionException("Couldn't find PID field in ps output");
        }
        List<String> titles = Arrays.asList(lines.getFirst().strip().split("\\s+"));
        int pidIndex = titles.indexOf("PID");
        if (pidIndex < 0) {
            throw new ExecutionException("Couldn't find PID field in ps output");
        }
        List<List<String>> processes = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length <= pidIndex) {
                continue;
            }
            long pid;
            try {
                pid = Long.parseLong(fields[pidIndex]);
            } catch (NumberFormatException e) {
                throw new ExecutionException("Unexpected pid '" + fields[pidIndex] + "': " + e.getMessage());
            }
            if (!pids.contains(pid)) {
                continue;
            }
            int cells = Math.min(titles.size(), fields.length);
            List<String> row = new ArrayList<>(Arrays.asList(fields).subList(0, cells - 1));
            // The last column (CMD) keeps its spaces.
            row.add(String.join(" ", Arrays.asList(fields).subList(cells - 1, fields.length)));
            processes.add(row);
        }
        return new Table(titles, processes);
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new ExecutionException("Error running ps: exit status %d: %s".formatted(exit, output.strip()));
            }
            return output;
        } catch (IOException e) {
            throw new ExecutionException("Error running ps: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("Error running ps: interrupted", e);
        }
    }
}
