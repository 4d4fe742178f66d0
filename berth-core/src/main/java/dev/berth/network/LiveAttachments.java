package dev.berth.network;

import dev.berth.error.ConflictException;
import dev.berth.error.ExecutionException;
import dev.berth.error.StoreException;
import dev.berth.store.FailureReason;
import dev.berth.store.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One network more or less for a container whose networking is set up now (it runs): netavark 1.4 sets up and
 * tears down per call whatever networks the options name, on the namespace given, so a network joined later gets
 * a call of its own (as Podman's {@code network connect}) and the saved options are merged
 * ({@link SavedNetavarkOptions}), under the run directory's lock like every other netavark call. A container whose
 * options file is gone was torn down by its exit meanwhile: it is not running.
 */
final class LiveAttachments {

    private final Netavark netavark;

    LiveAttachments(Netavark netavark) {
        this.netavark = netavark;
    }

    Ipv4Address join(NetworkNamespace namespace, ContainerRef container, Attachment attachment) {
        NetworkDefinition network = attachment.network();
        String action = "connecting container " + Netavark.describe(container) + " to network " + network.name();
        try (StoreLock.Held held = netavark.lock().exclusive()) {
            Path saved = netavark.optionsFile(container);
            SavedNetavarkOptions options = saved(saved, container, action);
            if (options.networks().contains(network.name())) {
                throw new ConflictException("endpoint with name " + container.name() + " already exists in network "
                        + network.name());
            }
            Ipv4Address address = netavark.leases().claimAddress(network, container, attachment.staticIp());
            byte[] single;
            try {
                single = SavedNetavarkOptions.renamed(NetavarkJson.options(container, List.of(attachment),
                        List.of(address), options.ports()), options.freeInterface());
                // Saved before the setup, as a start's options are: a process killed during the setup leaves
                // options naming what netavark may have made, so the container's teardown removes it (its DNAT
                // chain and aardvark-dns entry would otherwise outlive the container).
                NetworkFiles.writeAtomically(saved, options.with(single));
            } catch (IOException | RuntimeException e) {
                netavark.leases().releaseAddress(network, container.id());
                throw new ExecutionException(action + ": " + e.getMessage(), e);
            }
            ExternalCommand setup;
            try {
                setup = netavark.netavark(action, "setup", namespace, single);
            } catch (RuntimeException e) {
                // netavark may have been cut short (its timeout) after making part of it: undone before the
                // options that name it are put back.
                undo(action, namespace, container, network, single);
                restore(saved, options, e);
                throw e;
            }
            if (!setup.succeeded()) {
                var failure = new ExecutionException(action + ": " + Netavark.failure(setup));
                undo(action, namespace, container, network, single);
                restore(saved, options, failure);
                throw failure;
            }
            return address;
        }
    }

    void leave(NetworkNamespace namespace, ContainerRef container, NetworkDefinition network) {
        String action = "disconnecting container " + Netavark.describe(container) + " from network " + network.name();
        try (StoreLock.Held held = netavark.lock().exclusive()) {
            Path saved = netavark.optionsFile(container);
            SavedNetavarkOptions options = saved(saved, container, action);
            if (!options.networks().contains(network.name())) {
                throw new ConflictException("container " + container.id() + " is not connected to network "
                        + network.name());
            }
            byte[] single;
            byte[] rest;
            try {
                single = options.only(network.name());
                rest = options.without(network.name());
            } catch (IOException e) {
                throw new StoreException(action + ": " + e.getMessage(), e);
            }
            ExternalCommand teardown = netavark.netavark(action, "teardown", namespace, single);
            // The rest is saved and the lease released even when netavark fails: the container is off the network
            // as far as Berth knows, and the next teardown must not name it again.
            NetworkFiles.writeAtomically(saved, rest);
            netavark.leases().releaseAddress(network, container.id());
            if (!teardown.succeeded()) {
                throw new ExecutionException(action + ": " + Netavark.failure(teardown));
            }
        }
    }

    private static SavedNetavarkOptions saved(Path saved, ContainerRef container, String action) {
        try {
            if (!Files.exists(saved)) {
                throw new ConflictException(action + ": container " + container.id() + " is not running");
            }
            return new SavedNetavarkOptions(Files.readAllBytes(saved));
        } catch (IOException e) {
            throw new StoreException(action + ": reading " + saved + ": " + FailureReason.of(e), e);
        }
    }

    /** Puts back the options saved before a join that failed. */
    private static void restore(Path saved, SavedNetavarkOptions before, RuntimeException failure) {
        try {
            NetworkFiles.writeAtomically(saved, before.bytes());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Tears down what a failed join made and gives its address back. */
    private void undo(String action, NetworkNamespace namespace, ContainerRef container, NetworkDefinition network,
            byte[] single) {
        try {
            netavark.netavark(action, "teardown", namespace, single);
        } catch (RuntimeException e) {
            // The join's failure is the one to report.
        } finally {
            netavark.leases().releaseAddress(network, container.id());
        }
    }
}
