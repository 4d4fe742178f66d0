package dev.berth.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.image.Digest;
import dev.berth.image.ImageConfig;
import dev.berth.image.ImageJson;
import dev.berth.sbom.MergedLayers;
import dev.berth.store.InMemoryContentStore;
import dev.berth.store.Ingester;
import dev.berth.testing.TarBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The secrets image: a fake npm token build arg a RUN used, a fake AWS key in ENV, a private key added
 * in one layer and deleted in the next; all three reported, redacted. Its twin built with {@code --secret}
 * (nothing in ENV, no build arg in history, no key in a layer) reports none.
 */
class SecretFinderTest {

    private static final String NPM = "npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    private static final String AWS = "AKIA" + "IOSFODNN7EXAMPLE";
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    private final InMemoryContentStore content = new InMemoryContentStore();

    private MergedLayers.Layer layer(byte[] tar) {
        try (Ingester ingester = content.ingest()) {
            ingester.stream().write(tar);
            Digest digest = ingester.commit(Optional.empty()).digest();
            return new MergedLayers.Layer(digest, digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImageConfig config(String env, String createdBy) {
        String json = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/bin\"" + env
                + "],\"Labels\":{\"maintainer\":\"me\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},"
                + "\"history\":[{\"created_by\":\"" + createdBy + "\"}]}";
        return ImageJson.standard().readConfig(json.getBytes(StandardCharsets.UTF_8), "config");
    }

    @Test
    void reportsTheBuildArgTheEnvAndTheDeletedKeyRedacted() {
        List<MergedLayers.Layer> layers = List.of(
                layer(new TarBuilder().file("app/package.json", "{}").file("root/.ssh/id_ed25519", KEY).build()),
                layer(new TarBuilder().file("root/.ssh/.wh.id_ed25519", "").build()));
        List<LeakedSecret> found = new SecretFinder(new MergedLayers(content, layers)).find(
                config(",\"AWS_ACCESS_KEY_ID=" + AWS + "\"", "RUN |1 NPM_TOKEN=" + NPM + " /bin/sh -c npm ci"));
        assertThat(found).extracting(LeakedSecret::rule, LeakedSecret::where, LeakedSecret::deleted)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(SecretRule.AWS_ACCESS_KEY_ID, "env", false),
                        org.assertj.core.groups.Tuple.tuple(SecretRule.NPM_TOKEN, "history", false),
                        org.assertj.core.groups.Tuple.tuple(SecretRule.PRIVATE_KEY, "layer", true));
        assertThat(found).allSatisfy(secret -> {
            assertThat(secret.redacted()).doesNotContain(NPM, AWS, "b3BlbnNzaC1rZXktdjEAAAAA");
        });
        assertThat(found).filteredOn(secret -> secret.where().equals("layer")).singleElement()
                .satisfies(secret -> assertThat(secret.location()).startsWith("/root/.ssh/id_ed25519 in layer sha256:"));
    }

    @Test
    void theTwinBuiltWithSecretMountsReportsNone() {
        List<MergedLayers.Layer> layers = List.of(layer(new TarBuilder().file("app/package.json", "{}").build()));
        assertThat(new SecretFinder(new MergedLayers(content, layers)).find(
                config("", "RUN /bin/sh -c npm ci # buildkit"))).isEmpty();
    }

    @Test
    void secretNamedVariablesNeedARealValue() {
        assertThat(SecretRule.assignment("DB_PASSWORD", "hunter2-long")).map(SecretRule.Match::rule)
                .contains(SecretRule.SECRET_NAMED_VARIABLE);
        assertThat(SecretRule.assignment("DB_PASSWORD", "$DB_PASSWORD_FILE")).isEmpty();
        assertThat(SecretRule.assignment("GPG_KEY_ID", "ABCDEF0123")).isEmpty();
        assertThat(SecretRule.assignment("PATH", "/usr/bin")).isEmpty();
        assertThat(SecretRule.assignment("TOKEN", "x")).isEmpty();
    }
}
