package dev.berth.cli;

import dev.berth.api.Settings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --root} option shared by commands that use the local store. */
final class StoreOptions {

    @Option(names = "--root", paramLabel = "DIR",
            description = "Store root (default: $BERTH_ROOT, /var/lib/berth for root, else $XDG_DATA_HOME/berth).")
    Path root;

    /** Settings for the store this option names, the default one of {@code environment} when it is not given. */
    Settings.Builder settings(Map<String, String> environment) {
        Settings.Builder settings = Settings.builder().environment(environment);
        return root == null ? settings : settings.root(root);
    }
}
