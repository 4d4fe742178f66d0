package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.event.TransferListener;
import dev.berth.image.Digest;
import dev.berth.testing.BaseImages;
import dev.berth.testing.IntegrationFixtures;
import dev.berth.testing.LocalRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repo digests recorded by real pulls and pushes against docker-registry on 127.0.0.1, as Docker records them, and
 * what {@code inspect}, {@code images} and {@code rmi} then do with them ({@code RepoDigestsTest} has the rules).
 */
@ExtendWith(IntegrationFixtures.class)
class RegistryRepoDigestsIT {

    @TempDir
    static Path shared;

    @TempDir
    Path work;

    private static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = LocalRegistry.start(shared.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private Berth open(String store) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("HOME", work.resolve("home").toString());
        environment.remove("DOCKER_CONFIG");
        environment.remove("REGISTRY_AUTH_FILE");
        environment.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        return Berth.open(Settings.builder().root(work.resolve(store)).environment(environment)
                .runtimeState(work.resolve("state")).build());
    }

    private static void imported(Berth berth, BaseImages images, String name) throws IOException {
        try (InputStream rootfs = Files.newInputStream(images.busyboxRootfs())) {
            berth.importRootfs(ImportRequest.tarball(rootfs).reference(name).build());
        }
    }

    @Test
    void aPushAndAPullByTagRecordTheRegistrysDigestAsARepoDigestAsDockerDoes(BaseImages images) throws IOException {
        String repository = registry.address() + "/berth/digests";
        String name = repository + ":1";
        String other = registry.address() + "/berth/digests-too:1";
        PushResult pushed;
        PushResult pushedToo;
        try (Berth source = open("source")) {
            imported(source, images, name);
            assertThat(source.inspect(name).repoDigests()).isEmpty();
            pushed = source.registries().push(PushRequest.builder(name).build(), TransferListener.NONE);
            source.tag(name, other);
            pushedToo = source.registries().push(PushRequest.builder(other).build(), TransferListener.NONE);
        }
        try (Berth source = open("source")) { // recorded in the store: a new process sees them
            // Sorted by full text, as Docker's reference store lists them ("-" before "@").
            assertThat(source.inspect(name).repoDigests()).containsExactly(
                    registry.address() + "/berth/digests-too@" + pushedToo.digest(), repository + "@" + pushed.digest());
        }
        try (Berth target = open("target")) {
            target.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE);
            String byDigest = repository + "@" + pushed.digest();
            assertThat(target.inspect(name).repoDigests()).containsExactly(byDigest);
            assertThat(target.inspect(byDigest).id()).isEqualTo(target.inspect(name).id());
            assertThat(target.images()).singleElement().satisfies(row -> {
                assertThat(row.tag()).contains("1");
                assertThat(row.digests()).containsExactly(pushed.digest());
            });
            assertThat(target.remove(byDigest, false)).isEqualTo(new RemovedImage(List.of(byDigest), List.of()));
            assertThat(target.inspect(name).repoDigests()).isEmpty();
            target.registries().pull(PullRequest.builder(name).build(), TransferListener.NONE);
            Digest id = target.inspect(name).id();
            assertThat(target.remove(name, false)).isEqualTo(new RemovedImage(List.of(name, byDigest), List.of(id)));
            assertThat(target.images()).isEmpty();
        }
    }
}
