package dev.berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegistryErrorBodyTest {

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\",\"detail\":{}}]}",
                        Optional.of("manifest unknown (MANIFEST_UNKNOWN)")),
                Arguments.of("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"},"
                        + "{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}",
                        Optional.of("authentication required (UNAUTHORIZED); requested access to the resource is denied (DENIED)")),
                Arguments.of("{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}", Optional.of("name unknown (NAME_UNKNOWN)")),
                Arguments.of("{\"details\":\"incorrect username or password\"}", Optional.of("incorrect username or password")),
                Arguments.of("{\"error\":\"invalid_grant\"}", Optional.of("invalid_grant")),
                Arguments.of("<html>502 Bad Gateway</html>", Optional.empty()),
                Arguments.of("", Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void saysWhatTheRegistrySaid(String body, Optional<String> expected) {
        assertThat(RegistryErrorBody.parse(body.getBytes(StandardCharsets.UTF_8)).describe()).isEqualTo(expected);
    }
}
