// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.ByteMutations;
import dev.pyspy4j.binaries.ForeignBinaries;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Truncated, corrupted and random inputs either parse or fail with SpyException(MALFORMED_INPUT) naming the file:
 * never another exception, an endless loop or an OutOfMemoryError. The real Mach-O files are the llvm-mc objects for
 * x86_64 and arm64 and the universal file llvm-lipo made of them.
 */
@Fuzz
class MachOFuzzTest {
    private static final String NAME = "fuzzed.o";
    private static final byte[] X86_64 = ForeignBinaries.fixtureBytes(ForeignBinaries.MACHO_X86_64);
    private static final byte[] ARM64 = ForeignBinaries.fixtureBytes(ForeignBinaries.MACHO_ARM64);
    private static final byte[] UNIVERSAL = ForeignBinaries.fixtureBytes(ForeignBinaries.MACHO_UNIVERSAL);
    private static final Map<byte[], List<int[]>> STRUCTURAL_RANGES = new IdentityHashMap<>(Map.of(
            X86_64, structuralRanges(X86_64), ARM64, structuralRanges(ARM64), UNIVERSAL, universalRanges()));

    @Property(tries = 2000)
    void truncatedCopies(@ForAll("truncated") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Property(tries = 4000)
    void byteFlipsInHeadersLoadCommandsAndSymbols(@ForAll("flipped") byte[] bytes) {
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

    @Property(tries = 2000)
    void magicNumberFollowedByGarbage(@ForAll("magicThenGarbage") byte[] bytes) {
        assertParsesOrIsMalformed(bytes);
    }

    @Provide
    Arbitrary<byte[]> truncated() {
        return ByteMutations.truncations(fixtures());
    }

    @Provide
    Arbitrary<byte[]> flipped() {
        return fixtures().flatMap(bytes -> ByteMutations.flips(bytes, structuralPosition(bytes)));
    }

    /** One field, in either byte order (a universal file's table is big-endian), overwritten with a boundary value. */
    @Provide
    Arbitrary<byte[]> overwritten() {
        return fixtures().flatMap(bytes -> ByteMutations.overwrites(bytes, structuralPosition(bytes),
                Arbitraries.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)));
    }

    @Provide
    Arbitrary<byte[]> magicThenGarbage() {
        Arbitrary<byte[]> magic = Arbitraries.of(new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe},
                new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe},
                new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbf});
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
        return Combinators.combine(magic, tail).as((head, rest) -> {
            byte[] bytes = Arrays.copyOf(head, head.length + rest.length);
            System.arraycopy(rest, 0, bytes, head.length, rest.length);
            return bytes;
        });
    }

    private static Arbitrary<byte[]> fixtures() {
        return Arbitraries.of(X86_64, ARM64, UNIVERSAL);
    }

    private static Arbitrary<Integer> structuralPosition(byte[] bytes) {
        return ByteMutations.positionsIn(STRUCTURAL_RANGES.get(bytes));
    }

    /** {@code {offset, length}} of the header and load commands, the symbol table and the string table. */
    private static List<int[]> structuralRanges(byte[] image) {
        ByteBuffer buffer = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        int symtab = MalformedMachOTest.symtabCommand(image);
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0, 32 + buffer.getInt(20)});
        ranges.add(new int[] {buffer.getInt(symtab + 8), buffer.getInt(symtab + 12) * 16});
        ranges.add(new int[] {buffer.getInt(symtab + 16), buffer.getInt(symtab + 20)});
        return ranges;
    }

    /** The fat header and arch table, and each slice's structures at its offset. */
    private static List<int[]> universalRanges() {
        ByteBuffer buffer = ByteBuffer.wrap(UNIVERSAL).order(ByteOrder.BIG_ENDIAN);
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0, 8 + buffer.getInt(4) * 20});
        for (int i = 0; i < buffer.getInt(4); i++) {
            int offset = buffer.getInt(8 + i * 20 + 8);
            int size = buffer.getInt(8 + i * 20 + 12);
            for (int[] range : structuralRanges(Arrays.copyOfRange(UNIVERSAL, offset, offset + size))) {
                ranges.add(new int[] {offset + range[0], range[1]});
            }
        }
        return ranges;
    }

    private static void assertParsesOrIsMalformed(byte[] bytes) {
        assertParsesOrIsMalformed(() -> MachOFile.cpuTypes(ByteBuffer.wrap(bytes), NAME));
        assertParsesOrIsMalformed(() -> exercise(MachOFile.parseThin(ByteBuffer.wrap(bytes), NAME)));
        for (MachOCpu cpu : MachOCpu.values()) {
            assertParsesOrIsMalformed(() -> exercise(MachOFile.parse(ByteBuffer.wrap(bytes), NAME, cpu)));
        }
    }

    private static void assertParsesOrIsMalformed(Runnable parse) {
        try {
            parse.run();
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).startsWith("malformed Mach-O file '" + NAME + "'");
        }
    }

    /** Touches everything the reader decodes: every section's bytes, the symbols, lookups, the text base. */
    private static void exercise(MachOFile image) {
        image.sections().forEach(image::sectionData);
        image.symbols();
        image.symbol("_PyRuntime");
        image.section("__DATA", "PyRuntime");
        image.textBase();
    }
}
