package dev.berth.api;

import java.util.List;

/**
 * What {@code berth top} shows: {@code ps}'s columns and the container's processes.
 *
 * @param titles    the header's columns ({@code UID PID PPID C STIME TTY TIME CMD} for {@code ps -ef})
 * @param processes one row per process, as many cells as titles
 */
public record ContainerProcesses(List<String> titles, List<List<String>> processes) {

    public ContainerProcesses {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
