package dev.berth.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest, so there is one place that names it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "berth " + (version == null ? "development build" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
            "OS " + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }
}
