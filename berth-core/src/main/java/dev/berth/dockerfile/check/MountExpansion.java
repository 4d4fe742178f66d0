package dev.berth.dockerfile.check;

import dev.berth.dockerfile.instruction.Mount;
import java.util.function.UnaryOperator;

/**
 * Expands the values of a {@code RUN --mount} as BuildKit's parseMount does: every written value ({@code target},
 * {@code source}, {@code from}, {@code id}, {@code env}) may use the stage's ARG and ENV variables, e.g.
 * {@code --mount=type=cache,target=${CACHE_DIR}}. The command itself is left to the shell.
 */
final class MountExpansion {

    private MountExpansion() {
    }

    static Mount expand(Mount mount, UnaryOperator<String> word) {
        return switch (mount) {
            case Mount.Bind bind -> new Mount.Bind(bind.target().map(word), word.apply(bind.source()),
                    bind.from().map(word), bind.readWrite());
            case Mount.Cache cache -> new Mount.Cache(cache.target().map(word), word.apply(cache.id()), cache.sharing(),
                    cache.from().map(word), word.apply(cache.source()), cache.readOnly(), cache.mode(), cache.uid(),
                    cache.gid());
            case Mount.Tmpfs tmpfs -> new Mount.Tmpfs(tmpfs.target().map(word), tmpfs.size());
            case Mount.Secret secret -> new Mount.Secret(word.apply(secret.id()), secret.target().map(word),
                    secret.env().map(word), secret.required(), secret.mode(), secret.uid(), secret.gid());
            case Mount.Ssh ssh -> new Mount.Ssh(word.apply(ssh.id()), ssh.target().map(word), ssh.required(), ssh.mode(),
                    ssh.uid(), ssh.gid());
        };
    }
}
