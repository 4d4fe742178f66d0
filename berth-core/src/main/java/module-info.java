/**
 * Berth's library: everything but argument parsing and rendering. A client sees the façade and what its calls
 * take and give: {@code dev.berth.api} ({@link dev.berth.api.Berth}, its requests, results and reports), its
 * Compose part ({@code dev.berth.api.compose}: projects run on the façade), the image model
 * ({@code dev.berth.image}: digests, references, configs), diagnostics with their source text
 * ({@code dev.berth.diagnostic}), the exceptions with their exit codes ({@code dev.berth.error}) and build
 * progress events ({@code dev.berth.event}). The Dockerfile frontend, the plan, the engine, layers, the store,
 * snapshots, the sandbox and runtimes stay inside, so they can change without a client noticing.
 *
 * <p>Nothing else is exported, not even qualified: the CLI's tests, which set up and audit stores directly, are
 * given the store with {@code --add-exports} when they compile (berth-cli's pom), and the benchmarks
 * (berth-bench) and test fixtures (berth-testing) are not modules: they compile and run on the class path,
 * where module exports do not apply.
 */
module dev.berth.core {
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.compress;
    requires com.github.luben.zstd_jni;
    // Commons Compress declares xz optional (requires static): without this it is absent on the module path.
    requires org.tukaani.xz;
    requires java.net.http;
    // Compose files (dev.berth.compose.load).
    requires org.snakeyaml.engine.v2;
    // com.sun.nio.file.ExtendedOpenOption.DIRECT: the store writes large blobs with O_DIRECT.
    requires jdk.unsupported;

    exports dev.berth.api;
    exports dev.berth.api.compose;
    exports dev.berth.diagnostic;
    exports dev.berth.error;
    exports dev.berth.event;
    exports dev.berth.image;
}
