package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.api.Berth;
import dev.berth.api.ImportRequest;
import dev.berth.api.Settings;
import dev.berth.image.Digest;
import dev.berth.store.IndexDescriptor;
import dev.berth.store.LocalStore;
import dev.berth.store.StoreLayout;
import dev.berth.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code images --digests} and the Digest field as the Docker CLI's image formatter shows them: a tag's row per repo
 * digest of its repository, {@code <none>} for a tag without one, and an image whose tag moved listed as
 * {@code REPO <none>} (one row, or a row per digest with {@code --digests}).
 */
class ImagesDigestsTest {

    static final Instant MADE = Instant.parse("2024-01-02T03:04:05Z");
    static final Clock LATER = Clock.fixed(MADE.plus(Duration.ofHours(2)), ZoneOffset.UTC);
    static final Digest D1 = Digest.parse("sha256:" + "1".repeat(64));
    static final Digest D2 = Digest.parse("sha256:" + "2".repeat(64));
    static final Digest D3 = Digest.parse("sha256:" + "3".repeat(64));

    @TempDir
    Path root;

    Digest tagged;
    Digest moved;
    Digest plain;

    @BeforeEach
    void store() {
        try (Berth berth = Berth.open(Settings.builder().root(root).clock(Clock.fixed(MADE, ZoneOffset.UTC)).build())) {
            moved = imported(berth, "reg.lan/app:1", "1");
            tagged = imported(berth, "reg.lan/app:1", "2");
            plain = imported(berth, "plain:1", "3");
        }
        try (LocalStore store = LocalStore.open(new StoreLayout(root))) {
            IndexDescriptor current = store.images().resolve("reg.lan/app:1").orElseThrow();
            store.images().tag(List.of("reg.lan/app@" + D1, "reg.lan/app@" + D2), current);
            IndexDescriptor old = store.images().list().stream().filter(entry -> entry.isDangling())
                    .findFirst().orElseThrow().descriptor();
            store.images().tag("reg.lan/app@" + D3, old);
        }
    }

    static Digest imported(Berth berth, String name, String env) {
        byte[] rootfs = new TarBuilder().file("hello", "x".repeat(3000)).build();
        return berth.importRootfs(ImportRequest.tarball(new ByteArrayInputStream(rootfs)).reference(name)
                .changes(List.of("ENV X=" + env)).build());
    }

    String ok(String... args) {
        List<String> withRoot = new ArrayList<>(List.of(args));
        withRoot.add("--root");
        withRoot.add(root.toString());
        CliRun result = CliRun.with(new CommandFactory(LATER), new byte[0], withRoot.toArray(String[]::new));
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        return result.out();
    }

    @Test
    void withoutDigestsEachTagIsOneRowAndADigestOnlyImageIsRepoNone() {
        assertThat(ok("images", "--format", "{{.Repository}} {{.Tag}} {{.Digest}} {{.ID}}").lines())
                .containsExactlyInAnyOrder("reg.lan/app 1 <none> " + tagged.shortHex(),
                        "reg.lan/app <none>  " + moved.shortHex(), "plain 1 <none> " + plain.shortHex());
    }

    @Test
    void withDigestsATagHasARowPerDigestAndTheTableADigestColumn() {
        String out = ok("images", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}}");
        assertThat(out.lines()).containsExactlyInAnyOrder("reg.lan/app 1 " + D1, "reg.lan/app 1 " + D2,
                "reg.lan/app <none> " + D3, "plain 1 <none>");
        assertThat(ok("images", "--digests", "plain").lines().toList()).containsExactly(
                "REPOSITORY   TAG       DIGEST    IMAGE ID       CREATED       SIZE",
                "plain        1         <none>    " + plain.shortHex() + "   2 hours ago   3kB");
        // Docker puts DIGEST after TAG of a table template that has none.
        assertThat(ok("images", "--digests", "--format", "table {{.Repository}}\\t{{.Tag}}", "plain").lines().toList())
                .containsExactly("REPOSITORY   TAG       DIGEST", "plain        1         <none>");
    }

    @Test
    void aDigestOnlyImageIsDangling() {
        assertThat(ok("images", "-q", "--filter", "dangling=true")).isEqualTo(moved.shortHex() + "\n");
    }

    /** Regression (review of repo digests): dangling=false kept rows with a tag, not images with a name. */
    @Test
    void danglingFalseKeepsEveryImageWithANameADigestOnlyOneToo() {
        assertThat(ok("images", "-q", "--filter", "dangling=false").lines()).containsExactlyInAnyOrder(
                tagged.shortHex(), moved.shortHex(), plain.shortHex());
    }
}
