// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.ByteMutations;
import dev.pyspy4j.binaries.ForeignBinaries;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Truncated, corrupted and random inputs either parse or fail with SpyException(MALFORMED_INPUT) naming the file:
 * never another exception, an endless loop or an OutOfMemoryError. The real PE file is the MinGW-w64 DLL with a
 * {@code PyRuntim} section and three exports.
 */
@Fuzz
class PeFuzzTest {
    private static final String NAME = "fuzzed.dll";
    private static final byte[] DLL = ForeignBinaries.fixtureBytes(ForeignBinaries.PE_DLL);
    private static final List<int[]> STRUCTURAL_RANGES = structuralRanges();

    @Property(tries = 2000)
    void truncatedCopies(@ForAll("truncated") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 4000)
    void byteFlipsInHeadersSectionTableAndExports(@ForAll("flipped") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 3000)
    void extremeValuesInHeaderAndTableFields(@ForAll("overwritten") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 2000)
    void randomGarbage(@ForAll @Size(max = 4096) byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    /** A DOS header pointing at a PE signature, then garbage: the COFF and optional headers are random. */
    @Property(tries = 2000)
    void signaturesFollowedByGarbage(@ForAll @Size(max = 2048) byte[] tail) {
        byte[] bytes = new byte[0x40 + 4 + tail.length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(0, (short) 0x5a4d).putInt(0x3c, 0x40).putInt(0x40, 0x4550);
        System.arraycopy(tail, 0, bytes, 0x44, tail.length);
        assertParsesOrIsMalformed(bytes);
    }

    @Provide
    Arbitrary<byte[]> truncated() {
        return ByteMutations.truncations(Arbitraries.just(DLL));
    }

    @Provide
    Arbitrary<byte[]> flipped() {
        return ByteMutations.flips(DLL, ByteMutations.positionsIn(STRUCTURAL_RANGES));
    }

    @Provide
    Arbitrary<byte[]> overwritten() {
        return ByteMutations.overwrites(DLL, ByteMutations.positionsIn(STRUCTURAL_RANGES),
                Arbitraries.just(ByteOrder.LITTLE_ENDIAN));
    }

    /** {@code {offset, length}} of the DOS header, the PE headers with the section table, and the export section. */
    private static List<int[]> structuralRanges() {
        PeFile dll = PeFile.parse(ByteBuffer.wrap(DLL), NAME);
        int peOffset = ByteBuffer.wrap(DLL).order(ByteOrder.LITTLE_ENDIAN).getInt(0x3c);
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0, 0x40});
        ranges.add(new int[] {peOffset, 24 + dll.headers().optionalHeaderSize() + 40 * dll.sections().size()});
        PeSection exports = dll.section(".edata").orElseThrow();
        ranges.add(new int[] {(int) exports.rawDataOffset(), (int) exports.virtualSize()});
        return ranges;
    }

    private static void assertParsesOrIsMalformed(byte[] bytes) {
        try {
            PeFile image = PeFile.parse(ByteBuffer.wrap(bytes), NAME);
            image.sections().forEach(image::sectionData);
            image.exports();
            image.export("_PyRuntime");
            image.section("PyRuntim");
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).startsWith("malformed PE file '" + NAME + "'");
        }
    }
}
