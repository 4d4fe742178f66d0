package dev.berth.api;

import java.util.List;

/** What {@code compose config} prints of a project: the model, or one of its lists. */
public sealed interface ComposeView {

    /** The model as YAML (the default). */
    record Yaml() implements ComposeView {
    }

    /** The model as JSON ({@code --format json}). */
    record Json() implements ComposeView {
    }

    /** The enabled services' names ({@code --services}). */
    record Services() implements ComposeView {
    }

    /** The volumes' names ({@code --volumes}). */
    record Volumes() implements ComposeView {
    }

    /** Every profile a service names ({@code --profiles}). */
    record Profiles() implements ComposeView {
    }

    /** The services' images ({@code --images}). */
    record Images() implements ComposeView {
    }

    /** The config hashes of the services named, {@code *} for all ({@code --hash}). */
    record Hashes(List<String> services) implements ComposeView {
        public Hashes {
            services = List.copyOf(services);
        }
    }
}
