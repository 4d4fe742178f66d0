/**
 * Berth's library: everything but argument parsing and rendering. Exports the API and model packages;
 * the CLI and the Maven plugin see nothing else.
 */
module dev.berth.core {
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.compress;
    requires com.github.luben.zstd_jni;

    exports dev.berth.diagnostic;
    exports dev.berth.error;
    exports dev.berth.image;
    exports dev.berth.layer;
}
