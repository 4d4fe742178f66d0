package dev.berth.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.dockerfile.check.PredefinedArgs;
import dev.berth.image.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One host platform for builds, checks and image selection: the Java-to-Go architecture names. */
class HostPlatformTest {

    @ParameterizedTest
    @CsvSource({"amd64, amd64", "x86_64, amd64", "aarch64, arm64", "arm64, arm64", "i386, 386", "ppc64le, ppc64le"})
    void javaArchitecturesMapToGoArchitectures(String java, String go) {
        assertThat(HostPlatform.architecture(java)).isEqualTo(go);
    }

    @ParameterizedTest
    @CsvSource({"arm64, '', linux/arm64", "arm, v7, linux/arm/v7", "amd64, '', linux/amd64"})
    void buildPlatformArgsFollowThePlatformNotAmd64(String architecture, String variant, String platform) {
        PredefinedArgs args = PredefinedArgs.building("linux", architecture, variant);

        assertThat(args.platform()).containsEntry("TARGETARCH", architecture).containsEntry("BUILDARCH", architecture)
                .containsEntry("TARGETVARIANT", variant).containsEntry("TARGETPLATFORM", platform)
                .containsEntry("BUILDPLATFORM", platform);
    }

    @Test
    void hostPlatformIsLinuxWithTheMappedArchitecture() {
        Platform host = HostPlatform.platform();

        assertThat(host.os()).isEqualTo("linux");
        assertThat(host.architecture()).isEqualTo(HostPlatform.architecture(System.getProperty("os.arch")));
    }
}
