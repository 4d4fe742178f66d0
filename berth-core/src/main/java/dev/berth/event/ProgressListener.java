package dev.berth.event;

/** Receives build events, possibly from several threads at once (independent stages run in parallel). */
@FunctionalInterface
public interface ProgressListener {

    void on(BuildEvent event);

    ProgressListener NONE = event -> { };
}
