package dev.berth.event;

/** Receives the events of a pull or push, from several threads at once (blobs move in parallel). */
@FunctionalInterface
public interface TransferListener {

    void on(TransferEvent event);

    TransferListener NONE = event -> { };
}
