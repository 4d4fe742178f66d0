package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.diagnostic.SourceFile;
import dev.berth.engine.mount.BuildSecret;
import dev.berth.export.BuildOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The API's requests: what their builders default to, what they refuse, and how they reach the engine. */
class RequestBuildersTest {

    private static final Path CONTEXT = Path.of("/ctx");

    @Test
    void aBuildDefaultsToTheContextsDockerfileTheStoreAndTheCache() {
        BuildRequest request = BuildRequest.builder(CONTEXT).build();

        assertThat(request).isEqualTo(new BuildRequest(CONTEXT, Optional.empty(), Optional.empty(), Map.of(), Map.of(),
                List.of(), Optional.empty(), false, false, Optional.empty(), Optional.empty(),
                List.of(new Output.Image()), Map.of(), PullPolicy.MISSING));
    }

    @Test
    void aBuildKeepsWhatItWasGivenAndCopiesIt() {
        List<String> tags = new ArrayList<>(List.of("app:1"));
        Instant epoch = Instant.ofEpochSecond(1_700_000_000);
        BuildRequest request = BuildRequest.builder(CONTEXT).dockerfile(Path.of("/ctx/other.Dockerfile"))
                .dockerfileText("FROM scratch\n").buildArgs(Map.of("V", "1")).labels(Map.of("a", "b")).tags(tags)
                .target("final").noCache(true).explainCache(true).platform("linux/amd64").sourceDateEpoch(epoch)
                .build();
        tags.add("app:2");

        assertThat(request.tags()).containsExactly("app:1");
        assertThat(request.dockerfile()).contains(Path.of("/ctx/other.Dockerfile"));
        assertThat(request.dockerfileText()).contains("FROM scratch\n");
        assertThat(request.target()).contains("final");
        assertThat(request.platform()).contains("linux/amd64");
        assertThat(request.sourceDateEpoch()).contains(epoch);
        assertThat(List.of(request.noCache(), request.explainCache())).containsOnly(true);
    }

    @Test
    void aBuildNeedsAnOutputAndSecretsNeedIds() {
        assertThatThrownBy(() -> BuildRequest.builder(CONTEXT).outputs(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a build needs at least one output");
        assertThatThrownBy(() -> BuildRequest.builder(CONTEXT)
                .secrets(Map.of("", new Secret.FromValue(new byte[] {1}))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a secret needs an id");
    }

    @Test
    void outputsAndSecretsReachTheExporterAndTheEngineUnchanged() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Path file = Path.of("/out/image.tar");
        BuildRequest request = BuildRequest.builder(CONTEXT).outputs(List.of(new Output.Image(),
                new Output.Local(Path.of("/out/dir")), new Output.Tar(new Output.Destination.Stream(stdout)),
                new Output.DockerArchive(new Output.Destination.File(file)),
                new Output.OciArchive(new Output.Destination.File(file))))
                .secrets(Map.of("token", new Secret.FromValue("s3cr3t".getBytes(StandardCharsets.UTF_8)),
                        "file", new Secret.FromFile(Path.of("/run/token"))))
                .build();

        assertThat(request.exports()).containsExactly(new BuildOutput.Image(), new BuildOutput.Local(Path.of("/out/dir")),
                new BuildOutput.Tar(new BuildOutput.Destination.Stream(stdout)),
                new BuildOutput.DockerArchive(new BuildOutput.Destination.File(file)),
                new BuildOutput.OciArchive(new BuildOutput.Destination.File(file)));
        Map<String, BuildSecret> secrets = request.engineSecrets();
        assertThat(new String(secrets.get("token").read(), StandardCharsets.UTF_8)).isEqualTo("s3cr3t");
        assertThat(secrets.get("file")).isEqualTo(new BuildSecret.FromFile(Path.of("/run/token")));
    }

    @Test
    void onlyATarToAStreamIsStreamed() {
        Output.Destination stream = new Output.Destination.Stream(new ByteArrayOutputStream());
        Output.Destination file = new Output.Destination.File(Path.of("/x.tar"));

        assertThat(List.of(new Output.Tar(stream), new Output.DockerArchive(stream), new Output.OciArchive(stream)))
                .allMatch(Output::isStreamed);
        assertThat(List.of(new Output.Image(), new Output.Local(Path.of("/d")), new Output.Tar(file),
                new Output.DockerArchive(file), new Output.OciArchive(file))).noneMatch(Output::isStreamed);
    }

    @Test
    void aSecretValueIsCopiedAndNeverShown() throws IOException {
        byte[] bytes = "hunter2".getBytes(StandardCharsets.UTF_8);
        Secret.FromValue secret = new Secret.FromValue(bytes);
        bytes[0] = 'X';
        secret.bytes()[1] = 'X';

        assertThat(new String(secret.read(), StandardCharsets.UTF_8)).isEqualTo("hunter2");
        assertThat(secret.toString()).isEqualTo("FromValue[7 bytes]");
    }

    @Test
    void aRunDefaultsToTheImagesCommandTheBridgeNetworkSeccompAndNoInput() {
        RunRequest request = RunRequest.builder("busybox").build();

        assertThat(request).isEqualTo(new RunRequest("busybox", Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), ContainerNetwork.BRIDGE, Optional.empty(), true, new RunRequest.Streams.Inherited(false)));
    }

    @Test
    void aRunRefusesAnEnvironmentEntryWithoutAValue() {
        RunRequest.Builder builder = RunRequest.builder("busybox").env(List.of("A=1", "B"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment entries are KEY=VALUE, not \"B\"");
    }

    @Test
    void anImportSaysWhereItCameFromUnlessGivenAMessage() {
        ImportRequest fromStream = ImportRequest.tarball(new ByteArrayInputStream(new byte[0])).build();
        ImportRequest fromUrl = ImportRequest.url(URI.create("https://example.com/rootfs.tar")).reference("app").build();
        ImportRequest given = ImportRequest.url(URI.create("http://example.com/r.tar")).message("mine").build();

        assertThat(fromStream.message()).isEqualTo("Imported from -");
        assertThat(fromUrl.message()).isEqualTo("Imported from https://example.com/rootfs.tar");
        assertThat(fromUrl.reference()).contains("app");
        assertThat(given.message()).isEqualTo("mine");
    }

    @Test
    void anImportDownloadsOnlyHttp() {
        assertThatThrownBy(() -> ImportRequest.url(URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("import downloads http and https URLs only, not file:///etc/passwd");
    }

    @Test
    void aCheckDefaultsToTheCurrentDirectoryAndNoDockerfilePath() {
        SourceFile source = new SourceFile("Dockerfile", "FROM scratch\n");

        assertThat(CheckRequest.builder(source).build())
                .isEqualTo(new CheckRequest(source, Map.of(), Optional.empty(), Path.of("."), Optional.empty(), Optional.empty()));
    }

    @Test
    void settingsDefaultToTheEnvironmentsRootAndNoContainers() {
        Settings settings = Settings.builder().environment(Map.of("BERTH_ROOT", "/tmp/b")).build();

        assertThat(settings.root()).isEmpty();
        assertThat(settings.environment()).containsExactly(Map.entry("BERTH_ROOT", "/tmp/b"));
        assertThat(settings.runtimeState()).isEqualTo(Path.of("/run/berth"));
        assertThat(settings.runtime()).isEmpty();
        assertThat(settings.usage()).isSameAs(ImageUsage.NO_CONTAINERS);
    }
}
