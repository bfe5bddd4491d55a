// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.pe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.ForeignBinaries;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
        return Arbitraries.integers().between(0, DLL.length - 1).map(length -> Arrays.copyOf(DLL, length));
    }

    @Provide
    Arbitrary<byte[]> flipped() {
        Arbitrary<int[]> flip = Combinators.combine(structuralPosition(), Arbitraries.integers().between(1, 255))
                .as((position, mask) -> new int[] {position, mask});
        return flip.list().ofMinSize(1).ofMaxSize(8).map(flips -> {
            byte[] copy = DLL.clone();
            flips.forEach(f -> copy[f[0]] ^= (byte) f[1]);
            return copy;
        });
    }

    /** One 2-, 4- or 8-byte field overwritten with 0, all ones, sign bits or values near the file size. */
    @Provide
    Arbitrary<byte[]> overwritten() {
        Arbitrary<Long> value = Arbitraries.of(0L, 1L, -1L, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0xffffL,
                Long.MAX_VALUE, Long.MIN_VALUE, DLL.length - 1L, (long) DLL.length, DLL.length + 1L);
        return Combinators.combine(structuralPosition(), Arbitraries.of(2, 4, 8), value).as((position, width, v) -> {
            byte[] copy = DLL.clone();
            ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
            int at = Math.min(position, copy.length - width);
            switch (width) {
                case 2 -> buffer.putShort(at, (short) (long) v);
                case 4 -> buffer.putInt(at, (int) (long) v);
                default -> buffer.putLong(at, v);
            }
            return copy;
        });
    }

    private static Arbitrary<Integer> structuralPosition() {
        return Arbitraries.of(STRUCTURAL_RANGES)
                .flatMap(range -> Arbitraries.integers().between(range[0], range[0] + range[1] - 1));
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
