package dev.berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Whatever strings a spec carries (quotes, control characters, non-ASCII), its JSON reads back to them. */
class RuntimeSpecWriterProperties {

    private final RuntimeSpecWriter writer = new RuntimeSpecWriter();
    private final ObjectMapper mapper = new ObjectMapper();

    @Property(tries = 300)
    void argsEnvAndMountsSurviveTheRoundTrip(@ForAll @NotEmpty @Size(max = 5) List<String> args,
                                             @ForAll @Size(max = 5) List<@StringLength(max = 20) String> values,
                                             @ForAll @AlphaChars @StringLength(min = 1, max = 10) String mountName,
                                             @ForAll @StringLength(max = 30) String hostname) throws IOException {
        List<String> env = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            env.add("VAR" + i + "=" + values.get(i));
        }
        var process = DockerDefaults.process(args, env, new UserSpec(4_294_967_295L, 0, List.of()), "/");
        RuntimeSpec spec = DockerDefaults.spec("rootfs", process, hostname, false)
                .withAddedMounts(List.of(new MountSpec("/mnt/" + mountName, "tmpfs", "tmpfs", List.of("size=" + hostname))));

        JsonNode json = mapper.readTree(writer.write(spec));

        assertThat(mapper.convertValue(json.at("/process/args"), List.class)).isEqualTo(args);
        assertThat(mapper.convertValue(json.at("/process/env"), List.class)).isEqualTo(env);
        assertThat(json.at("/process/user/uid").asLong()).isEqualTo(4_294_967_295L);
        assertThat(json.path("hostname").asText("")).isEqualTo(hostname);
        assertThat(json.at("/mounts/7/destination").asText()).isEqualTo("/mnt/" + mountName);
        assertThat(json.at("/mounts/7/options/0").asText()).isEqualTo("size=" + hostname);
    }
}
