// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.macho.MachOCpu;
import dev.pyspy4j.binaries.macho.MachOFile;
import dev.pyspy4j.binaries.pe.PeFile;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Mach-O and PE readers fed esbuild's real macOS (x86_64, arm64) and Windows executables, truncated anywhere or
 * with bytes flipped in their headers, load commands, section tables and symbol tables: each parses or fails with
 * SpyException(MALFORMED_INPUT) naming the file, nothing else. An integration test because the executables come
 * from npm ({@link ForeignBinaries}).
 */
@Fuzz
class ForeignBinariesFuzzIT {
    private static final String NAME = "fuzzed-esbuild";
    private static final List<Image> IMAGES = List.of(
            machO(ForeignBinaries.esbuildDarwinX64(), MachOCpu.X86_64),
            machO(ForeignBinaries.esbuildDarwinArm64(), MachOCpu.ARM64),
            pe(ForeignBinaries.esbuildWin32X64()));

    /** One executable's bytes, how to read it, and {@code {offset, length}} of its structures. */
    private record Image(byte[] bytes, MachOCpu cpu, List<int[]> structures) {
    }

    @Property(tries = 300)
    void truncatedAnywhere(@ForAll("images") Image image, @ForAll("fractions") double fraction) {
        int length = (int) (image.bytes().length * fraction);
        assertParsesOrIsMalformed(image, ByteBuffer.wrap(image.bytes(), 0, length));
    }

    @Property(tries = 300)
    void byteFlipsInHeadersAndTables(@ForAll("flipped") Object[] imageAndBytes) {
        assertParsesOrIsMalformed((Image) imageAndBytes[0], ByteBuffer.wrap((byte[]) imageAndBytes[1]));
    }

    @Provide
    Arbitrary<Image> images() {
        return Arbitraries.of(IMAGES);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Object[]> flipped() {
        return Arbitraries.of(IMAGES).flatMap(image -> ByteMutations
                .flips(image.bytes(), ByteMutations.positionsIn(image.structures()))
                .map(bytes -> new Object[] {image, bytes}));
    }

    private static void assertParsesOrIsMalformed(Image image, ByteBuffer bytes) {
        try {
            if (image.cpu() != null) {
                MachOFile file = MachOFile.parse(bytes, NAME, image.cpu());
                file.sections().forEach(file::sectionData);
                file.symbol("_PyRuntime");
                file.textBase();
            } else {
                PeFile file = PeFile.parse(bytes, NAME);
                file.sections().forEach(file::sectionData);
                file.export("_PyRuntime");
            }
        } catch (SpyException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
            assertThat(e.getMessage()).startsWith("malformed " + (image.cpu() != null ? "Mach-O" : "PE") + " file '"
                    + NAME + "'");
        }
    }

    /** The header and load commands, the nlist_64 table and the string table. */
    private static Image machO(Path path, MachOCpu cpu) {
        byte[] bytes = read(path);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> ranges = new ArrayList<>();
        ranges.add(new int[] {0, 32 + buffer.getInt(20)});
        int at = 32;
        for (int i = 0; i < buffer.getInt(16); i++) {
            if (buffer.getInt(at) == 0x2) {
                ranges.add(new int[] {buffer.getInt(at + 8), buffer.getInt(at + 12) * 16});
                ranges.add(new int[] {buffer.getInt(at + 16), buffer.getInt(at + 20)});
            }
            at += buffer.getInt(at + 4);
        }
        assertThat(ranges).hasSize(3);
        return new Image(bytes, cpu, ranges);
    }

    /**
     * The DOS header and the PE headers with the section table (esbuild has no export table; flips in the data
     * directories make the reader look for one in arbitrary bytes).
     */
    private static Image pe(Path path) {
        byte[] bytes = read(path);
        PeFile file = PeFile.parse(ByteBuffer.wrap(bytes), path.toString());
        int peOffset = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0x3c);
        return new Image(bytes, null, List.of(new int[] {0, 0x40},
                new int[] {peOffset, 24 + file.headers().optionalHeaderSize() + 40 * file.sections().size()}));
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
