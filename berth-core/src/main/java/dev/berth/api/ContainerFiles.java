package dev.berth.api;

import dev.berth.container.ContainerDiff;
import dev.berth.container.ContainerRecord;
import dev.berth.container.ContainerRecords;
import dev.berth.container.copy.ContainerCopies;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A container's files through the façade: {@code cp} both ways and {@code export} ({@link ContainerCopies}),
 * {@code diff} ({@link ContainerDiff}).
 */
final class ContainerFiles {

    private final ContainerRecords records;

    ContainerFiles(ContainerRecords records) {
        this.records = records;
    }

    List<String> diff(String container) {
        return ContainerDiff.of(records.find(container)).stream().map(ContainerDiff.Change::line).toList();
    }

    long export(String container, OutputStream out) {
        ContainerRecord record = records.find(container);
        return ContainerCopies.exportRoot(record, records.directory(record.id()), out);
    }

    long copyOut(String container, String source, boolean follow, OutputStream out) {
        ContainerRecord record = records.find(container);
        return ContainerCopies.toArchive(record, records.directory(record.id()), source, follow, out);
    }

    long copyOut(String container, String source, boolean follow, String destination) {
        ContainerRecord record = records.find(container);
        return ContainerCopies.toHost(record, records.directory(record.id()), source, follow, destination);
    }

    long copyIn(String container, InputStream in, String destination, boolean archive) {
        ContainerRecord record = records.find(container);
        return ContainerCopies.fromArchive(record, records.directory(record.id()), in, destination, archive);
    }

    long copyIn(String container, String source, boolean follow, String destination, boolean archive) {
        ContainerRecord record = records.find(container);
        return ContainerCopies.fromHost(record, records.directory(record.id()), source, follow, destination, archive);
    }
}
