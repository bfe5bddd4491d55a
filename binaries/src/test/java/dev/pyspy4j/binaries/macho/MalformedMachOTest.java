// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pyspy4j.binaries.ForeignBinaries;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of malformed or unsupported Mach-O input fails with SpyException(MALFORMED_INPUT) and a message saying
 * what is wrong; the inputs are the llvm-mc-built fixtures with one field changed.
 */
class MalformedMachOTest {
    private static final String NAME = "bad.o";
    private static final byte[] X86_64 = ForeignBinaries.fixtureBytes(ForeignBinaries.MACHO_X86_64);
    private static final byte[] UNIVERSAL = ForeignBinaries.fixtureBytes(ForeignBinaries.MACHO_UNIVERSAL);

    @Test
    void tooShortForAMagicNumber() {
        assertMalformed(new byte[] {(byte) 0xcf, (byte) 0xfa}, "shorter than a Mach-O magic number (2 bytes)");
    }

    @Test
    void thirtyTwoBitAndBigEndianImagesAreNamedAsSuch() {
        assertMalformed(withInt(X86_64, 0, 0xfeedface, ByteOrder.LITTLE_ENDIAN), "a 32-bit Mach-O image");
        assertMalformed(withInt(X86_64, 0, 0xfeedfacf, ByteOrder.BIG_ENDIAN), "a big-endian Mach-O image");
        assertMalformed("\u007fELF and more".getBytes(), "bad magic number 0x464c457f (expected 0xfeedfacf)");
    }

    @Test
    void truncatedHeader() {
        assertMalformed(Arrays.copyOf(X86_64, 20), "mach_header_64 at 0x0 (32 bytes) extends past the end");
    }

    @Test
    void moreLoadCommandsThanTheirSizeHolds() {
        assertMalformed(withInt(X86_64, 16, 0xffff_ffff, ByteOrder.LITTLE_ENDIAN),
                "4294967295 load commands do not fit in sizeofcmds");
    }

    @Test
    void loadCommandsPastTheEndOfTheFile() {
        assertMalformed(withInt(X86_64, 20, 0x7fff_fff0, ByteOrder.LITTLE_ENDIAN), "load commands at 0x20");
    }

    @Test
    void aLoadCommandOfSizeZeroWouldNeverAdvance() {
        assertMalformed(withInt(X86_64, 32 + 4, 0, ByteOrder.LITTLE_ENDIAN), "load command 0 at 0x20 has cmdsize 0");
    }

    @Test
    void moreSectionsThanTheSegmentCommandHolds() {
        assertMalformed(withInt(X86_64, 32 + 64, 1_000_000, ByteOrder.LITTLE_ENDIAN),
                "load command 0: segment '' claims 1000000 sections");
    }

    @Test
    void symbolTablePastTheEndOfTheFile() {
        int symtab = symtabCommand(X86_64);
        byte[] bytes = withInt(X86_64, symtab + 12, 0x1000_0000, ByteOrder.LITTLE_ENDIAN);
        assertThat(parse(bytes).segments()).isNotEmpty();
        assertMalformed(() -> parse(bytes).symbols(), "nlist_64 table at");
    }

    @Test
    void symbolNameOutsideTheStringTable() {
        int symbolOffset = ByteBuffer.wrap(X86_64).order(ByteOrder.LITTLE_ENDIAN).getInt(symtabCommand(X86_64) + 8);
        byte[] bytes = withInt(X86_64, symbolOffset, 0x00ff_ffff, ByteOrder.LITTLE_ENDIAN);
        assertMalformed(() -> parse(bytes).symbol("_PyRuntime"), "symbol 0: n_strx 16777215 lies outside the string"
                + " table");
    }

    @Test
    void universalBinaryWithMoreSlicesThanTheFileHolds() {
        assertMalformed(() -> MachOFile.parse(ByteBuffer.wrap(withInt(UNIVERSAL, 4, 0x1000_0000, ByteOrder.BIG_ENDIAN)),
                NAME, MachOCpu.ARM64), "fat_arch table at 0x8 with 268435456 entries");
    }

    @Test
    void universalSlicePastTheEndOfTheFile() {
        // the second fat_arch (arm64): its offset field
        byte[] bytes = withInt(UNIVERSAL, 8 + 20 + 8, 0x7000_0000, ByteOrder.BIG_ENDIAN);
        assertThat(MachOFile.parse(ByteBuffer.wrap(bytes), NAME, MachOCpu.X86_64).header().cpuType())
                .isEqualTo(MachOCpu.X86_64.cpuType());
        assertMalformed(() -> MachOFile.parse(ByteBuffer.wrap(bytes), NAME, MachOCpu.ARM64),
                "arm64 slice at 0x70000000");
    }

    @Test
    void aFileThatIsNoRegularFileOrIsMissing(@TempDir Path tmp) {
        assertMalformed(() -> MachOFile.open(tmp, MachOCpu.ARM64), "malformed Mach-O file '" + tmp
                + "': not a regular file");
        assertMalformed(() -> MachOFile.open(tmp.resolve("absent"), MachOCpu.ARM64), "no such file");
    }

    @Test
    void theUniversalFixtureHoldsTheTwoThinFixtures() {
        MachOFile x86 = MachOFile.parse(ByteBuffer.wrap(UNIVERSAL), NAME, MachOCpu.X86_64);
        MachOFile arm = MachOFile.parse(ByteBuffer.wrap(UNIVERSAL), NAME, MachOCpu.ARM64);
        MachOFile thinArm = MachOFile.parseThin(
                ByteBuffer.wrap(ForeignBinaries.fixtureBytes(ForeignBinaries.MACHO_ARM64)), NAME);
        assertThat(x86.segments()).isEqualTo(parse(X86_64).segments());
        assertThat(x86.symbols()).isEqualTo(parse(X86_64).symbols());
        assertThat(arm.segments()).isEqualTo(thinArm.segments());
        assertThat(arm.symbols()).isEqualTo(thinArm.symbols());
        assertThat(MachOFile.cpuTypes(ByteBuffer.wrap(UNIVERSAL), NAME))
                .containsExactly(MachOCpu.X86_64.cpuType(), MachOCpu.ARM64.cpuType());
    }

    static void assertMalformed(Runnable parse, String expectedDetail) {
        SpyException e = catchThrowableOfType(parse::run, SpyException.class);
        assertThat(e).as("expected a SpyException containing '%s'", expectedDetail).isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
        assertThat(e.getMessage()).startsWith("malformed Mach-O file '").contains(expectedDetail);
    }

    private static void assertMalformed(byte[] bytes, String expectedDetail) {
        assertMalformed(() -> parse(bytes), expectedDetail);
    }

    private static MachOFile parse(byte[] bytes) {
        return MachOFile.parseThin(ByteBuffer.wrap(bytes), NAME);
    }

    private static byte[] withInt(byte[] original, int offset, int value, ByteOrder order) {
        byte[] copy = original.clone();
        ByteBuffer.wrap(copy).order(order).putInt(offset, value);
        return copy;
    }

    /** The offset of the LC_SYMTAB command in a thin image. */
    static int symtabCommand(byte[] image) {
        ByteBuffer buffer = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        int at = 32;
        for (int i = 0; i < buffer.getInt(16); i++) {
            if (buffer.getInt(at) == MachOLoadCommands.LC_SYMTAB) {
                return at;
            }
            at += buffer.getInt(at + 4);
        }
        throw new IllegalStateException("no LC_SYMTAB");
    }
}
