package dev.berth.dockerfile.instruction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RUN --mount values and the mounts they make, defaults included. */
class MountParserTest {

    static Stream<Arguments> mounts() {
        return Stream.of(
                Arguments.of("target=/src", new Mount.Bind(Optional.of("/src"), "/", Optional.empty(), false)),
                Arguments.of("type=bind,src=app,dst=/app,from=build,rw",
                        new Mount.Bind(Optional.of("/app"), "app", Optional.of("build"), true)),
                Arguments.of("type=bind,target=/x,readwrite=true,readonly",
                        new Mount.Bind(Optional.of("/x"), "/", Optional.empty(), false)),
                Arguments.of("type=cache,target=/root/.m2",
                        new Mount.Cache(Optional.of("/root/.m2"), "/root/.m2", Mount.Sharing.SHARED, Optional.empty(),
                                "", false, 0755, 0, 0)),
                Arguments.of("TYPE=CACHE,id=m2,target=/m2,sharing=LOCKED,mode=0700,uid=1000,gid=1001,ro",
                        new Mount.Cache(Optional.of("/m2"), "m2", Mount.Sharing.LOCKED, Optional.empty(), "", true,
                                0700, 1000, 1001)),
                Arguments.of("type=tmpfs,destination=/tmp", new Mount.Tmpfs(Optional.of("/tmp"), OptionalLong.empty())),
                Arguments.of("type=tmpfs,target=/tmp,size=64k", new Mount.Tmpfs(Optional.of("/tmp"), OptionalLong.of(65536))),
                Arguments.of("type=secret,id=npmrc", new Mount.Secret("npmrc", Optional.of("/run/secrets/npmrc"),
                        Optional.empty(), false, 0400, 0, 0)),
                Arguments.of("type=secret,target=/root/.npmrc,required",
                        new Mount.Secret(".npmrc", Optional.of("/root/.npmrc"), Optional.empty(), true, 0400, 0, 0)),
                Arguments.of("type=secret,id=token,env=TOKEN",
                        new Mount.Secret("token", Optional.empty(), Optional.of("TOKEN"), false, 0400, 0, 0)),
                Arguments.of("type=ssh", new Mount.Ssh("default", Optional.empty(), false, 0600, 0, 0)),
                Arguments.of("type=ssh,id=github,required=true,mode=0666",
                        new Mount.Ssh("github", Optional.empty(), true, 0666, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mounts")
    void readsMountsWithBuildKitDefaults(String value, Mount expected) {
        assertThat(MountParser.parse("--mount=" + value, value)).isEqualTo(expected);
    }
}
