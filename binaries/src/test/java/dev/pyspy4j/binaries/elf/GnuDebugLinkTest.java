// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .gnu_debuglink} of the fixture that {@code objcopy --add-gnu-debuglink} wrote (name and CRC as
 * {@code readelf -wk} printed them, recorded in {@code linux_amd64_hello.md}), and damaged copies of it.
 */
class GnuDebugLinkTest {
    private static final long HELLO_DEBUG_CRC = 0x4b64924aL;

    @TempDir
    Path directory;

    @Test
    void theLinkNamesTheDebugFileAndItsCrc() {
        assertThat(parse(Binaries.fixtureBytes(Binaries.HELLO_DEBUGLINK)).debugLink())
                .hasValue(new GnuDebugLink("linux_amd64_hello.debug", HELLO_DEBUG_CRC));
    }

    @Test
    void theCrcMatchesTheDebugFileAndNoOther() {
        GnuDebugLink link = parse(Binaries.fixtureBytes(Binaries.HELLO_DEBUGLINK)).debugLink().orElseThrow();

        assertThat(link.matches(Binaries.fixtureFile(Binaries.HELLO_DEBUG, directory))).isTrue();
        assertThat(link.matches(ByteBuffer.wrap(Binaries.fixtureBytes(Binaries.HELLO_DEBUG)))).isTrue();
        assertThat(link.matches(Binaries.fixtureFile(Binaries.HELLO, directory))).isFalse();
    }

    @Test
    void aFileWithoutTheSectionHasNoLink() {
        assertThat(parse(Binaries.fixtureBytes(Binaries.HELLO)).debugLink()).isEmpty();
    }

    /** The CRC word follows the NUL padded to 4 bytes (23 + 1 = 24 here) and is in the file's byte order. */
    @Test
    void theCrcIsTheWordAfterThePaddedNameInTheFilesByteOrder() {
        byte[] bytes = Binaries.fixtureBytes(Binaries.HELLO_DEBUGLINK);
        ElfSectionHeader section = debuglinkSection(bytes);
        System.arraycopy(new byte[] {4, 3, 2, 1}, 0, bytes, (int) section.sh_offset + 24, 4);

        assertThat(parse(bytes).debugLink()).map(GnuDebugLink::crc32).hasValue(0x01020304L);
    }

    @Test
    void aNameWithoutItsNulIsMalformed() {
        byte[] bytes = Binaries.fixtureBytes(Binaries.HELLO_DEBUGLINK);
        ElfSectionHeader section = debuglinkSection(bytes);
        Arrays.fill(bytes, (int) section.sh_offset, (int) (section.sh_offset + section.sh_size), (byte) 'x');

        assertMalformed(bytes, "section '.gnu_debuglink' has no NUL-terminated file name");
    }

    @Test
    void anEmptyNameIsMalformed() {
        byte[] bytes = Binaries.fixtureBytes(Binaries.HELLO_DEBUGLINK);
        bytes[(int) debuglinkSection(bytes).sh_offset] = 0;

        assertMalformed(bytes, "section '.gnu_debuglink' names no file");
    }

    /** 24 bytes hold the 23-byte name and its NUL; the CRC that should follow is cut off. */
    @Test
    void aSectionThatEndsBeforeTheCrcIsMalformed() {
        byte[] bytes = Binaries.fixtureBytes(Binaries.HELLO_DEBUGLINK);
        ElfFile elf = parse(bytes);
        ElfSectionHeader section = debuglinkSection(bytes);
        int shSizeField = (int) (elf.header().e_shoff + (long) section.index * elf.header().e_shentsize + 32);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(shSizeField, 24);

        assertMalformed(bytes, "section '.gnu_debuglink' of 24 bytes ends before the CRC at offset 24");
    }

    private static ElfSectionHeader debuglinkSection(byte[] bytes) {
        return parse(bytes).section(ElfConstants.GNU_DEBUGLINK).orElseThrow();
    }

    private static ElfFile parse(byte[] bytes) {
        return ElfFile.parse(ByteBuffer.wrap(bytes), "linked.elf");
    }

    private static void assertMalformed(byte[] bytes, String detail) {
        assertThatThrownBy(() -> parse(bytes).debugLink())
                .isInstanceOfSatisfying(SpyException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT))
                .hasMessage("malformed ELF file 'linked.elf': " + detail);
    }
}
