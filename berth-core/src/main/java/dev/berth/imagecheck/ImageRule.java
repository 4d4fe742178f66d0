package dev.berth.imagecheck;

/** The rules only an image shows, each with its id, level, one-line fix and why it matters. */
public enum ImageRule {
    IMAGE_RUNS_AS_ROOT("ImageRunsAsRoot", Level.WARNING, "the image's user is not root",
            "set a non-root USER in the Dockerfile's final stage (USER 10001), or run it with --user",
            "The config's User is empty, 0 or root, so the container's processes run as root unless the caller says"
                    + " otherwise; a process breaking out of the application then holds root in the container, and"
                    + " files it writes to volumes belong to root. CIS Docker Benchmark 4.1."),
    IMAGE_WITHOUT_HEALTHCHECK("ImageWithoutHealthcheck", Level.INFO,
            "an image that exposes ports says how to check its health",
            "add a HEALTHCHECK (HEALTHCHECK CMD curl -f http://localhost/ || exit 1), or HEALTHCHECK NONE",
            "The image exposes ports, so it serves something, yet its config has no Healthcheck: the runtime can tell"
                    + " that its process is alive but not that it answers. CIS Docker Benchmark 4.6."),
    IMAGE_WASTED_BYTES("ImageWastedBytes", Level.INFO, "no layer carries bytes a later layer deletes or replaces",
            "delete or overwrite files in the same RUN that creates them, or copy only what the final stage needs",
            "A file deleted or overwritten in a later layer still sits in the earlier layer's blob: every pull"
                    + " downloads it and every store keeps it. The paths wasting most are listed with their sizes."),
    IMAGE_SETUID_FILE("ImageSetuidFile", Level.INFO, "no file is setuid or setgid unless it must be",
            "remove the bit where the image does not need it (RUN chmod u-s,g-s FILE), or the file itself",
            "A setuid or setgid executable runs with its owner's or group's rights whoever starts it: each one is a"
                    + " way to raise privileges inside the container. CIS Docker Benchmark 4.8."),
    IMAGE_END_OF_LIFE_DISTRO("ImageEndOfLifeDistro", Level.WARNING, "the base distribution still gets security updates",
            "rebuild on a supported release of the distribution (a newer FROM tag)",
            "The distribution /etc/os-release names has passed its end of life (Debian's LTS end, Ubuntu's standard"
                    + " support end, Alpine's branch end): its packages get no more security fixes, so every new"
                    + " vulnerability stays open.");

    /** How much a finding matters, as {@code berth check}'s levels. */
    public enum Level { ERROR, WARNING, INFO }

    private final String id;
    private final Level level;
    private final String title;
    private final String fix;
    private final String explanation;

    ImageRule(String id, Level level, String title, String fix, String explanation) {
        this.id = id;
        this.level = level;
        this.title = title;
        this.fix = fix;
        this.explanation = explanation;
    }

    public String id() {
        return id;
    }

    public Level level() {
        return level;
    }

    public String title() {
        return title;
    }

    public String fix() {
        return fix;
    }

    public String explanation() {
        return explanation;
    }

    /** A public page about it (Berth has no web site; docs/check.md describes every rule). */
    public String helpUri() {
        return this == IMAGE_END_OF_LIFE_DISTRO ? "https://endoflife.date/"
                : "https://docs.docker.com/build/building/best-practices/";
    }
}
