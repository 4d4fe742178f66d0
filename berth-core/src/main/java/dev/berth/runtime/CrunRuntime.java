package dev.berth.runtime;

import java.nio.file.Path;

/**
 * crun, the C OCI runtime: the same command line as runc, faster to start. crun 1.8 refuses hosts with hybrid
 * cgroups ("cgroups in hybrid mode not supported"); {@link RuntimeDetector} finds that out before Berth uses it.
 */
public final class CrunRuntime extends CommandLineRuntime {

    /**
     * @param executable the crun binary
     * @param stateRoot  crun's {@code --root}
     * @param version    what {@code crun --version} reported, for {@link #description()}; seccomp is taken as unsupported
     */
    public CrunRuntime(Path executable, Path stateRoot, String version) {
        this(executable, stateRoot, version, false);
    }

    /**
     * The driver for this binary, saying whether it applies seccomp filters.
     *
     * @param seccomp whether this binary was built with libseccomp ({@link RuntimeDetector} finds out)
     */
    public CrunRuntime(Path executable, Path stateRoot, String version, boolean seccomp) {
        super(executable, stateRoot, version, seccomp);
    }

    @Override
    public String name() {
        return "crun";
    }
}
