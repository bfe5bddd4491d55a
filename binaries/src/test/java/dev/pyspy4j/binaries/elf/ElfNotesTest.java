// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pyspy4j.binaries.BuildId;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Notes and the build id of the checked-in fixture (values from {@code readelf -n}, recorded in
 * {@code linux_amd64_hello.md}), and the note layout rules on hand-written note bytes.
 */
class ElfNotesTest {
    private static final String HELLO_BUILD_ID = "ce56068eed635b92367f3842088bfaffb73d033c";

    @Test
    void theFixtureHasTheThreeNotesReadelfLists() {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(Binaries.fixtureBytes(Binaries.HELLO)), Binaries.HELLO);

        assertThat(elf.notes())
                .extracting(ElfNote::owner, ElfNote::type, ElfNote::descriptorSize, ElfNote::location)
                .containsExactly(
                        tuple("GNU", (long) ElfConstants.NT_GNU_PROPERTY_TYPE_0, 0x10, "section [2] '.note.gnu.property'"),
                        tuple("GNU", (long) ElfConstants.NT_GNU_BUILD_ID, 0x14, "section [3] '.note.gnu.build-id'"),
                        tuple("GNU", (long) ElfConstants.NT_GNU_ABI_TAG, 0x10, "section [4] '.note.ABI-tag'"));
    }

    @Test
    void theAbiTagDescriptorSaysLinux320() {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(Binaries.fixtureBytes(Binaries.HELLO)), Binaries.HELLO);
        ElfNote abiTag = elf.notes().stream().filter(n -> n.is("GNU", ElfConstants.NT_GNU_ABI_TAG)).findFirst()
                .orElseThrow();

        // four Elf_Words: OS (0 = Linux), then the major, minor and patch of the earliest kernel ABI
        ByteBuffer descriptor = abiTag.descriptor();
        assertThat(List.of(descriptor.getInt(0), descriptor.getInt(4), descriptor.getInt(8), descriptor.getInt(12)))
                .containsExactly(0, 3, 2, 0);
    }

    @Test
    void theBuildIdIsTheGnuBuildIdNoteDescriptor() {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(Binaries.fixtureBytes(Binaries.HELLO)), Binaries.HELLO);

        assertThat(elf.buildId()).map(BuildId::hex).hasValue(HELLO_BUILD_ID);
    }

    @Test
    void theSeparateDebugFileCarriesTheSameBuildId() {
        ElfFile debug = ElfFile.parse(ByteBuffer.wrap(Binaries.fixtureBytes(Binaries.HELLO_DEBUG)),
                Binaries.HELLO_DEBUG);

        assertThat(debug.buildId()).map(BuildId::hex).hasValue(HELLO_BUILD_ID);
    }

    /** With its section headers gone (as after sstrip), the notes are still found through the PT_NOTE segments. */
    @Test
    void withoutSectionHeadersTheNotesComeFromThePtNoteSegments() {
        byte[] bytes = Binaries.fixtureBytes(Binaries.HELLO);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(0x28, 0);          // e_shoff
        header.putShort(0x3c, (short) 0); // e_shnum
        header.putShort(0x3e, (short) 0); // e_shstrndx
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(bytes), Binaries.HELLO);

        assertThat(elf.sectionHeaders()).isEmpty();
        assertThat(elf.notes())
                .extracting(ElfNote::owner, ElfNote::type, ElfNote::location)
                .containsExactly(
                        tuple("GNU", (long) ElfConstants.NT_GNU_PROPERTY_TYPE_0, "PT_NOTE segment at file offset 0x338"),
                        tuple("GNU", (long) ElfConstants.NT_GNU_BUILD_ID, "PT_NOTE segment at file offset 0x358"),
                        tuple("GNU", (long) ElfConstants.NT_GNU_ABI_TAG, "PT_NOTE segment at file offset 0x358"));
        assertThat(elf.buildId()).map(BuildId::hex).hasValue(HELLO_BUILD_ID);
    }

    @Test
    void aFileWithoutNotesHasNoBuildId() {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                .write().bytes()), "synthetic");

        assertThat(elf.notes()).isEmpty();
        assertThat(elf.buildId()).isEmpty();
    }

    @Test
    void namesAndDescriptorsArePaddedToFourBytes() {
        byte[] notes = concat(
                note(ByteOrder.LITTLE_ENDIAN, "stapsdt", 3, bytes(5), 4),
                note(ByteOrder.LITTLE_ENDIAN, "GNU", 3, bytes(20), 4));

        List<ElfNote> read = read(notes, ByteOrder.LITTLE_ENDIAN, 4);

        assertThat(read).extracting(ElfNote::owner, ElfNote::type, ElfNote::descriptorSize)
                .containsExactly(tuple("stapsdt", 3L, 5), tuple("GNU", 3L, 20));
        assertThat(read.get(0).descriptorBytes()).containsExactly(bytes(5));
        assertThat(read.get(1).descriptorBytes()).containsExactly(bytes(20));
    }

    /** {@code .note.gnu.property} in a 64-bit file: the descriptor starts 8-aligned, at 16 rather than 12 + 4. */
    @Test
    void eightByteAlignedNotesPadTheNameToEight() {
        byte[] notes = concat(note(ByteOrder.LITTLE_ENDIAN, "GNU", 5, bytes(16), 8),
                note(ByteOrder.LITTLE_ENDIAN, "GNU", 5, bytes(3), 8));

        List<ElfNote> read = read(notes, ByteOrder.LITTLE_ENDIAN, 8);

        assertThat(read).extracting(ElfNote::descriptorSize).containsExactly(16, 3);
        assertThat(read.get(0).descriptorBytes()).containsExactly(bytes(16));
    }

    @Test
    void bigEndianHeadersAreReadInTheFilesByteOrder() {
        List<ElfNote> read = read(note(ByteOrder.BIG_ENDIAN, "CORE", ElfConstants.NT_FILE, bytes(8), 4),
                ByteOrder.BIG_ENDIAN, 4);

        assertThat(read).extracting(ElfNote::owner, ElfNote::type).containsExactly(
                tuple("CORE", (long) ElfConstants.NT_FILE));
        assertThat(read.get(0).descriptor().order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    @Test
    void theLastNotesPaddingMayBeMissing() {
        byte[] padded = note(ByteOrder.LITTLE_ENDIAN, "GNU", 1, bytes(5), 4);
        byte[] unpadded = Arrays.copyOf(padded, padded.length - 3);

        assertThat(read(unpadded, ByteOrder.LITTLE_ENDIAN, 4)).extracting(ElfNote::descriptorSize).containsExactly(5);
    }

    @Test
    void alignmentsZeroAndOneMeanFour() {
        byte[] notes = note(ByteOrder.LITTLE_ENDIAN, "CORE", ElfConstants.NT_PRSTATUS, bytes(6), 4);

        assertThat(read(notes, ByteOrder.LITTLE_ENDIAN, 0)).hasSize(1);
        assertThat(read(notes, ByteOrder.LITTLE_ENDIAN, 1)).hasSize(1);
    }

    @Test
    void aHeaderCutOffIsMalformed() {
        byte[] notes = Arrays.copyOf(note(ByteOrder.LITTLE_ENDIAN, "GNU", 3, bytes(4), 4), 28);

        assertThatThrownBy(() -> read(notes, ByteOrder.LITTLE_ENDIAN, 4))
                .isInstanceOfSatisfying(SpyException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT))
                .hasMessage("malformed ELF file 'notes': note at offset 0x14 of the notes is cut off after 8 bytes of"
                        + " its 12-byte header");
    }

    @Test
    void aDescriptorPastTheEndIsMalformed() {
        byte[] notes = note(ByteOrder.LITTLE_ENDIAN, "GNU", 3, bytes(4), 4);
        ByteBuffer.wrap(notes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0xffff_fff0);

        assertThatThrownBy(() -> read(notes, ByteOrder.LITTLE_ENDIAN, 4))
                .isInstanceOf(SpyException.class)
                .hasMessageContaining("note at offset 0x0 of the notes (name 4 bytes, descriptor 4294967280 bytes)"
                        + " extends past its end (size 20)");
    }

    @Test
    void anAlignmentOtherThanFourOrEightIsMalformed() {
        byte[] notes = note(ByteOrder.LITTLE_ENDIAN, "GNU", 3, bytes(4), 4);

        assertThatThrownBy(() -> read(notes, ByteOrder.LITTLE_ENDIAN, 16))
                .isInstanceOf(SpyException.class)
                .hasMessage("malformed ELF file 'notes': the notes has alignment 16, expected 4 or 8 for notes");
    }

    static List<ElfNote> read(byte[] notes, ByteOrder order, long alignment) {
        ElfReader reader = ElfReader.over(ByteBuffer.wrap(notes), "notes").withLayout(true, order);
        return ElfNoteReader.read(reader, 0, notes.length, alignment, "the notes");
    }

    /** One note as a producer writes it: header, name with its NUL, descriptor, each padded to {@code align}. */
    static byte[] note(ByteOrder order, String owner, long type, byte[] descriptor, int align) {
        byte[] name = (owner + "\0").getBytes(StandardCharsets.US_ASCII);
        int descriptorStart = pad(12 + name.length, align);
        ByteBuffer out = ByteBuffer.allocate(pad(descriptorStart + descriptor.length, align)).order(order);
        out.putInt(name.length).putInt(descriptor.length).putInt((int) type).put(name);
        out.put(descriptorStart, descriptor);
        return out.array();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (0xa0 + i);
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static int pad(int value, int align) {
        return (value + align - 1) / align * align;
    }
}
