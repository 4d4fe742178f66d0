package dev.berth.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** The seeking header scanner reads what Commons Compress's own reader reads, for every tar its writer makes. */
class TarHeaderScannerProperties {

    record Spec(String name, byte type, int mode, long uid, int size, Map<String, String> xattrs) {}

    @Property(tries = 300)
    void headersAndContentsMatchCommonsCompress(@ForAll("archives") List<Spec> specs, @ForAll boolean gnuLongNames)
            throws IOException {
        byte[] tar = write(specs, gnuLongNames);

        List<String> expected = new ArrayList<>();
        try (TarArchiveInputStream reference = new TarArchiveInputStream(new ByteArrayInputStream(tar), "UTF-8")) {
            TarArchiveEntry entry;
            int index = 0;
            while ((entry = reference.getNextEntry()) != null) {
                byte[] content = reference.readAllBytes();
                expected.add(describe(entry) + (index++ % 2 == 0 ? " " + latin1(content) : ""));
            }
        }
        List<String> scanned = new ArrayList<>();
        TarHeaderScanner scanner = new TarHeaderScanner(new ByteArrayInputStream(tar));
        Optional<TarArchiveEntry> next;
        int index = 0;
        while ((next = scanner.next()).isPresent()) {
            // Every other entry's content is read, the others' skipped: both must keep the scanner in step.
            scanned.add(describe(next.get())
                    + (index++ % 2 == 0 ? " " + latin1(scanner.content((int) next.get().getSize())) : ""));
        }

        assertThat(scanned).containsExactlyElementsOf(expected);
    }

    @Test
    void anOversizedPaxHeaderIsRefusedBeforeItIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("x");
            entry.addPaxHeader("comment", "a".repeat(2 << 20));
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        TarHeaderScanner scanner = new TarHeaderScanner(new ByteArrayInputStream(bytes.toByteArray()));

        assertThatThrownBy(scanner::next).isInstanceOf(BoundedTarInputStream.OversizedHeaderException.class)
                .hasMessageStartingWith("extended header (type x) of ");
    }

    @Test
    void aTarCutInsideAnEntryIsAnError() throws IOException {
        byte[] tar = write(List.of(new Spec("f", TarConstants.LF_NORMAL, 0644, 0, 3000, Map.of())), false);
        byte[] cut = java.util.Arrays.copyOf(tar, 1500);
        TarHeaderScanner scanner = new TarHeaderScanner(new ByteArrayInputStream(cut));
        scanner.next();

        assertThatThrownBy(scanner::next).isInstanceOf(java.io.EOFException.class);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String describe(TarArchiveEntry entry) {
        return entry.getName() + "|" + (entry.isDirectory() ? "d" : entry.isSymbolicLink() ? "l" : entry.isLink() ? "h" : "f")
                + "|" + Integer.toOctalString(entry.getMode()) + "|" + entry.getLongUserId() + ":" + entry.getLongGroupId()
                + "|" + entry.getLinkName() + "|" + entry.getSize() + "|" + new java.util.TreeMap<>(entry.getExtraPaxHeaders());
    }

    private static byte[] write(List<Spec> specs, boolean gnuLongNames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
            tar.setLongFileMode(gnuLongNames ? TarArchiveOutputStream.LONGFILE_GNU : TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Spec spec : specs) {
                boolean directory = spec.type() == TarConstants.LF_DIR;
                TarArchiveEntry entry = new TarArchiveEntry(directory ? spec.name() + "/" : spec.name(), spec.type());
                entry.setMode(spec.mode());
                entry.setModTime(1_700_000_000_000L);
                entry.setUserId(spec.uid());
                entry.setGroupId(spec.uid() + 1);
                if (spec.type() == TarConstants.LF_SYMLINK || spec.type() == TarConstants.LF_LINK) {
                    entry.setLinkName("target/" + spec.name());
                }
                spec.xattrs().forEach((key, value) -> entry.addPaxHeader("SCHILY.xattr." + key, value));
                boolean file = spec.type() == TarConstants.LF_NORMAL;
                entry.setSize(file ? spec.size() : 0);
                tar.putArchiveEntry(entry);
                if (file) {
                    byte[] content = new byte[spec.size()];
                    for (int i = 0; i < content.length; i++) {
                        content[i] = (byte) ('a' + (i * 7 + spec.name().length()) % 26);
                    }
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Provide
    Arbitrary<List<Spec>> archives() {
        Arbitrary<String> component = Arbitraries.strings().withChars("abcxyz_-.é").ofMinLength(1).ofMaxLength(60)
                .filter(name -> !name.equals(".") && !name.equals(".."));
        Arbitrary<String> name = component.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts));
        Arbitrary<Byte> type = Arbitraries.of(TarConstants.LF_NORMAL, TarConstants.LF_DIR, TarConstants.LF_SYMLINK,
                TarConstants.LF_LINK);
        Arbitrary<Integer> mode = Arbitraries.of(0644, 0755, 04755, 01777, 0600);
        Arbitrary<Long> uid = Arbitraries.oneOf(Arbitraries.longs().between(0, 70000), Arbitraries.of(3_000_000L));
        Arbitrary<Integer> size = Arbitraries.oneOf(Arbitraries.integers().between(0, 1100), Arbitraries.of(512, 1024, 70_000));
        Arbitrary<Map<String, String>> xattrs = Arbitraries.maps(Arbitraries.of("user.a", "security.capability", "user.long"),
                Arbitraries.strings().alpha().ofMaxLength(20)).ofMaxSize(2);
        return Combinators.combine(name, type, mode, uid, size, xattrs).as(Spec::new).list().ofMaxSize(8);
    }
}
