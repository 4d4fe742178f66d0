/**
 * Berth's library: everything but argument parsing and rendering. Every package is exported for now,
 * because the CLI and the tests reach below the {@code api} façades; narrowing the exports to the API and
 * model packages is still to do.
 */
module dev.berth.core {
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.compress;
    requires com.github.luben.zstd_jni;
    // Commons Compress declares xz optional (requires static): without this it is absent on the module path.
    requires org.tukaani.xz;
    requires java.net.http;
    // com.sun.nio.file.ExtendedOpenOption.DIRECT: the store writes large blobs with O_DIRECT.
    requires jdk.unsupported;

    exports dev.berth.api;
    exports dev.berth.archive;
    exports dev.berth.container;
    exports dev.berth.context;
    exports dev.berth.diagnostic;
    exports dev.berth.dockerfile.check;
    exports dev.berth.dockerfile.ignore;
    exports dev.berth.dockerfile.instruction;
    exports dev.berth.dockerfile.shell;
    exports dev.berth.dockerfile.syntax;
    exports dev.berth.engine;
    exports dev.berth.engine.mount;
    exports dev.berth.error;
    exports dev.berth.event;
    exports dev.berth.export;
    exports dev.berth.image;
    exports dev.berth.io;
    exports dev.berth.layer;
    exports dev.berth.network;
    exports dev.berth.plan;
    exports dev.berth.recovery;
    exports dev.berth.runtime;
    exports dev.berth.sandbox;
    exports dev.berth.snapshot;
    exports dev.berth.store;
}
