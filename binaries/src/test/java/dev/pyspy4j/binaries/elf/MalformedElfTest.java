// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Each kind of malformed input ends in SpyException(MALFORMED_INPUT) with a message naming the file and the fault. */
class MalformedElfTest {
    private static final String NAME = "/x/y";
    /** Elf64_Ehdr field offsets (gABI). */
    private static final int E_SHOFF = 0x28;
    private static final int E_PHNUM = 0x38;
    private static final int E_SHNUM = 0x3c;
    private static final int E_SHSTRNDX = 0x3e;

    @TempDir
    Path directory;

    @Test
    void badMagic() {
        byte[] bytes = hello();
        bytes[3] = 'G';
        assertMalformed(bytes).hasMessage("malformed ELF file '/x/y': bad magic number 0x7f454c47, expected"
                + " 0x7f454c46 (\\x7fELF)");
    }

    @Test
    void badClassAndBadDataEncoding() {
        byte[] badClass = hello();
        badClass[4] = 3;
        byte[] badData = hello();
        badData[5] = 0;
        assertMalformed(badClass).hasMessage("malformed ELF file '/x/y': unknown file class 3 in e_ident[EI_CLASS],"
                + " expected 1 or 2");
        assertMalformed(badData).hasMessage("malformed ELF file '/x/y': unknown data encoding 0 in"
                + " e_ident[EI_DATA], expected 1 or 2");
    }

    @Test
    void fileShorterThanTheHeader() {
        assertMalformed(Arrays.copyOf(hello(), 10))
                .hasMessage("malformed ELF file '/x/y': file of 10 bytes is too short for an ELF header");
        assertMalformed(Arrays.copyOf(hello(), 40))
                .hasMessage("malformed ELF file '/x/y': ELF header at 0x10 (48 bytes) extends past the end of the"
                        + " file (size 40)");
    }

    @Test
    void sectionHeaderTablePastTheEnd() {
        byte[] bytes = hello();
        long shoff = le(bytes).getLong(E_SHOFF);
        byte[] truncated = Arrays.copyOf(bytes, (int) shoff + 100);
        assertMalformed(truncated).hasMessage(String.format("malformed ELF file '/x/y': section header table at"
                + " 0x%x (%d bytes) extends past the end of the file (size %d)", shoff, 64 * le(bytes).getShort(E_SHNUM),
                truncated.length));
    }

    @Test
    void absurdCountsAreRejectedBeforeAllocating() {
        byte[] extended = hello();
        long shoff = le(extended).getLong(E_SHOFF);
        le(extended).putShort(E_SHNUM, (short) 0).putLong((int) shoff + 32, 1L << 40);
        byte[] manySegments = hello();
        le(manySegments).putShort(E_PHNUM, (short) 0xfffe);

        assertMalformed(extended).hasMessageContaining("section header table at 0x" + Long.toHexString(shoff)
                + " with 1099511627776 entries of 64 bytes extends past the end of the file");
        assertMalformed(manySegments).hasMessageContaining("program header table at 0x40 with 65534 entries of 56"
                + " bytes extends past the end of the file");
    }

    @Test
    void sectionNameTableIndexOutOfRange() {
        byte[] bytes = hello();
        le(bytes).putShort(E_SHSTRNDX, (short) 200);
        assertMalformed(bytes).hasMessage("malformed ELF file '/x/y': section name table index e_shstrndx 200 is not"
                + " below the section count " + le(bytes).getShort(E_SHNUM));
    }

    @Test
    void stringTableWithoutTerminator() {
        SyntheticElf.Written written = SyntheticElfTest.sample(true, ByteOrder.LITTLE_ENDIAN).write();
        byte[] bytes = written.bytes();
        bytes[written.strtabOffset() + written.strtabSize() - 1] = 'x';
        assertMalformedLookup(bytes).hasMessageMatching("malformed ELF file '/x/y': name at offset 0x[0-9a-f]+ in"
                + " string table \\[5] '.strtab' has no terminating NUL");
    }

    @Test
    void symbolNameOutsideItsStringTable() {
        SyntheticElf.Written written = SyntheticElfTest.sample(true, ByteOrder.LITTLE_ENDIAN).write();
        le(written.bytes()).putInt(written.symtabOffset() + 24, 0x7fff0000);
        assertMalformedLookup(written.bytes()).hasMessage("malformed ELF file '/x/y': name offset 0x7fff0000 is"
                + " outside string table [5] '.strtab' (size " + written.strtabSize() + ")");
    }

    @Test
    void symbolTableLinkedToANonexistentSection() {
        SyntheticElf.Written written = SyntheticElfTest.sample(true, ByteOrder.LITTLE_ENDIAN).write();
        le(written.bytes()).putInt(written.shoff() + 4 * 64 + 40, 99);
        assertMalformedLookup(written.bytes()).hasMessage("malformed ELF file '/x/y': sh_link of symbol table [4]"
                + " '.symtab' names section 99, but the file has 7 sections");
    }

    /** Offsets all pointing into one long name would decode to gigabytes: refused once over budget. */
    @Test
    void overlappingNamesAreRefusedBeforeExhaustingMemory() {
        SyntheticElf elf = new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0).symbol("a".repeat(2 << 20), 0, 0,
                0x12, 1);
        for (int i = 0; i < 10; i++) {
            elf.symbol("s" + i, 0, 0, 0x12, 1);
        }
        SyntheticElf.Written written = elf.write();
        for (int i = 0; i < 10; i++) {
            le(written.bytes()).putInt(written.symtabOffset() + 24 * (i + 2), 1 + i);
        }
        assertMalformedLookup(written.bytes()).hasMessageContaining("names in string table [5] '.strtab' overlap"
                + " implausibly");
    }

    @Test
    void xzGarbageInGnuDebugdata() {
        byte[] bytes = helloMiniDebugInfo();
        ElfSectionHeader section = parse(bytes).section(".gnu_debugdata").orElseThrow();
        bytes[(int) section.sh_offset + 20] ^= 0x55;
        assertMalformedLookup(bytes).hasMessageStartingWith("malformed ELF file '/x/y': section '.gnu_debugdata' is"
                + " not valid xz data: ");
    }

    @Test
    void gnuDebugdataLargerThanTheCap() {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(helloMiniDebugInfo()), NAME, 1000);
        assertThatThrownBy(() -> elf.symbol("main")).isInstanceOfSatisfying(SpyException.class, this::isMalformed)
                .hasMessage("malformed ELF file '/x/y': section '.gnu_debugdata' decompresses to more than 1000 bytes");
    }

    @Test
    void gnuDebugdataThatIsNotAnElfFile() throws IOException {
        byte[] bytes = helloMiniDebugInfo();
        ElfSectionHeader section = parse(bytes).section(".gnu_debugdata").orElseThrow();
        byte[] xz = xz("this is not an ELF file".getBytes(StandardCharsets.US_ASCII));
        System.arraycopy(xz, 0, bytes, (int) section.sh_offset, xz.length);
        long shoff = le(bytes).getLong(E_SHOFF);
        le(bytes).putLong((int) (shoff + section.index * 64L + 32), xz.length);
        assertMalformedLookup(bytes).hasMessage("malformed ELF file '/x/y!.gnu_debugdata': bad magic number"
                + " 0x74686973, expected 0x7f454c46 (\\x7fELF)");
    }

    @Test
    void unreadableFiles() {
        Path missing = directory.resolve("missing.so");
        assertThatThrownBy(() -> ElfFile.open(missing)).isInstanceOfSatisfying(SpyException.class, this::isMalformed)
                .hasMessage("cannot read ELF file '" + missing + "': no such file");
        assertThatThrownBy(() -> ElfFile.open(directory)).isInstanceOfSatisfying(SpyException.class,
                this::isMalformed).hasMessage("cannot read ELF file '" + directory + "': not a regular file");
    }

    private void isMalformed(SpyException e) {
        assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertMalformed(byte[] bytes) {
        return assertThatThrownBy(() -> parse(bytes)).isInstanceOfSatisfying(SpyException.class, this::isMalformed);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertMalformedLookup(byte[] bytes) {
        ElfFile elf = parse(bytes);
        return assertThatThrownBy(() -> elf.symbol("main")).isInstanceOfSatisfying(SpyException.class,
                this::isMalformed);
    }

    private static ElfFile parse(byte[] bytes) {
        return ElfFile.parse(ByteBuffer.wrap(bytes), NAME);
    }

    private static byte[] hello() {
        return Binaries.fixtureBytes(Binaries.HELLO);
    }

    private static byte[] helloMiniDebugInfo() {
        return Binaries.fixtureBytes(Binaries.HELLO_MINIDEBUGINFO);
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] xz(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
            xz.write(content);
        }
        return out.toByteArray();
    }
}
