package dev.berth.runtime;

import java.nio.file.Path;

/** runc, the reference OCI runtime (Debian's runc 1.1 here, the one Docker uses). */
public final class RuncRuntime extends CommandLineRuntime {

    /**
     * @param executable the runc binary
     * @param stateRoot  runc's {@code --root}: Berth keeps its containers apart from Docker's {@code /run/runc}
     * @param version    what {@code runc --version} reported, for {@link #description()}; seccomp is taken as unsupported
     */
    public RuncRuntime(Path executable, Path stateRoot, String version) {
        this(executable, stateRoot, version, false);
    }

    /**
     * The driver for this binary, saying whether it applies seccomp filters.
     *
     * @param seccomp whether this binary was built with libseccomp ({@link RuntimeDetector} finds out)
     */
    public RuncRuntime(Path executable, Path stateRoot, String version, boolean seccomp) {
        super(executable, stateRoot, version, seccomp);
    }

    @Override
    public String name() {
        return "runc";
    }
}
