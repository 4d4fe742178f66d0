package dev.berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MediaTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        application/vnd.oci.image.manifest.v1+json                     | OCI_MANIFEST                    | false | NONE
        application/vnd.oci.image.index.v1+json                        | OCI_INDEX                       | false | NONE
        application/vnd.oci.image.config.v1+json                       | OCI_CONFIG                      | false | NONE
        application/vnd.oci.empty.v1+json                              | OCI_EMPTY                       | false | NONE
        application/vnd.oci.image.layer.v1.tar                         | OCI_LAYER                       | true  | NONE
        application/vnd.oci.image.layer.v1.tar+gzip                    | OCI_LAYER_GZIP                  | true  | GZIP
        application/vnd.oci.image.layer.v1.tar+zstd                    | OCI_LAYER_ZSTD                  | true  | ZSTD
        application/vnd.oci.image.layer.nondistributable.v1.tar        | OCI_LAYER_NONDISTRIBUTABLE      | true  | NONE
        application/vnd.oci.image.layer.nondistributable.v1.tar+gzip   | OCI_LAYER_NONDISTRIBUTABLE_GZIP | true  | GZIP
        application/vnd.oci.image.layer.nondistributable.v1.tar+zstd   | OCI_LAYER_NONDISTRIBUTABLE_ZSTD | true  | ZSTD
        application/vnd.docker.distribution.manifest.v2+json           | DOCKER_MANIFEST                 | false | NONE
        application/vnd.docker.distribution.manifest.list.v2+json      | DOCKER_MANIFEST_LIST            | false | NONE
        application/vnd.docker.container.image.v1+json                 | DOCKER_CONFIG                   | false | NONE
        application/vnd.docker.image.rootfs.diff.tar                   | DOCKER_LAYER                    | true  | NONE
        application/vnd.docker.image.rootfs.diff.tar.gzip              | DOCKER_LAYER_GZIP               | true  | GZIP
        application/vnd.docker.image.rootfs.diff.tar.zstd              | DOCKER_LAYER_ZSTD               | true  | ZSTD
        application/vnd.docker.image.rootfs.foreign.diff.tar           | DOCKER_LAYER_FOREIGN            | true  | NONE
        application/vnd.docker.image.rootfs.foreign.diff.tar.gzip      | DOCKER_LAYER_FOREIGN_GZIP       | true  | GZIP
        """)
    void parsesEveryStandardType(String value, StandardMediaType expected, boolean layer, Compression compression) {
        MediaType type = MediaType.parse(value);

        assertThat(type).isSameAs(expected);
        assertThat(type.value()).isEqualTo(value);
        assertThat(type.isLayer()).isEqualTo(layer);
        assertThat(type.compression()).isEqualTo(compression);
    }

    @ParameterizedTest
    @CsvSource({
        "application/vnd.in-toto+json",
        "application/vnd.oci.image.manifest.v1+JSON",
        "application/vnd.docker.distribution.manifest.v1+prettyjws",
        "''",
    })
    void keepsUnknownTypesVerbatim(String value) {
        MediaType type = MediaType.parse(value);

        assertThat(type).isEqualTo(new MediaType.Other(value));
        assertThat(type.value()).isEqualTo(value);
        assertThat(type.isLayer()).isFalse();
        assertThat(type.compression()).isEqualTo(Compression.NONE);
    }

    @ParameterizedTest
    @EnumSource(StandardMediaType.class)
    void otherCannotHoldAStandardType(StandardMediaType standard) {
        assertThatThrownBy(() -> new MediaType.Other(standard.value())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "OCI_LAYER_NONDISTRIBUTABLE_GZIP, true, false",
        "DOCKER_LAYER_FOREIGN_GZIP,       true, true",
        "OCI_LAYER_GZIP,                  false, false",
        "DOCKER_MANIFEST_LIST,            false, true",
    })
    void knowsNondistributableAndDockerTypes(StandardMediaType type, boolean nondistributable, boolean docker) {
        assertThat(type.isNondistributable()).isEqualTo(nondistributable);
        assertThat(type.isDocker()).isEqualTo(docker);
    }
}
