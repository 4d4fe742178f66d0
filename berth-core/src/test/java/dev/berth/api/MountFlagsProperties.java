package dev.berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever valid name and paths a {@code -v} or {@code --mount} spec holds, they are read back as written. */
class MountFlagsProperties {

    @Property(tries = 300)
    void aVolumeSpecReadsBackItsNameAndTarget(@ForAll("names") String name, @ForAll("paths") String target,
            @ForAll boolean readOnly) {
        String spec = name + ":" + target + (readOnly ? ":ro" : "");
        assertThat(MountFlags.volumeFlag(spec)).isEqualTo(new RunMountRequest.Volume(Optional.of(name), target, readOnly, false));
        assertThat(MountFlags.mountFlag("type=volume,source=" + name + ",target=" + target + (readOnly ? ",readonly" : "")))
                .isEqualTo(new RunMountRequest.Volume(Optional.of(name), target, readOnly, false));
    }

    @Property(tries = 300)
    void aBindSpecReadsBackItsPaths(@ForAll("paths") String source, @ForAll("paths") String target) {
        assertThat(MountFlags.volumeFlag(source + ":" + target)).isEqualTo(new RunMountRequest.Bind(Path.of(source), target, false, true));
        assertThat(MountFlags.mountFlag("type=bind,source=" + source + ",target=" + target))
                .isEqualTo(new RunMountRequest.Bind(Path.of(source), target, false, false));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(10)
                .flatMap(first -> Arbitraries.strings().withCharRange('a', 'z').withChars('_', '.', '-').ofMinLength(1)
                        .ofMaxLength(20).map(rest -> first.charAt(0) + rest));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '-', '.').ofMinLength(1).ofMaxLength(8)
                .filter(part -> !part.equals(".") && !part.equals(".."))
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> "/" + String.join("/", parts));
    }
}
