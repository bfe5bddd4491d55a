// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The load bias from synthetic {@code /proc/<pid>/maps} layouts of non-PIE, PIE and shared-library files. */
class LoadBiasTest {
    private static final String PATH = "/usr/lib/libexample.so";
    /** From {@code readelf -W -s} / {@code -S} of the fixture (see linux_amd64_hello.md). */
    private static final long MAIN_IN_FILE = 0x1158;
    private static final long BSS_IN_FILE = 0x4020;

    /** The checked-in PIE fixture: first PT_LOAD at offset 0, vaddr 0 (readelf -l), as ld.so maps a PIE or a .so. */
    private static ElfFile pie() {
        return ElfFile.parse(ByteBuffer.wrap(Binaries.fixtureBytes(Binaries.HELLO)), Binaries.HELLO);
    }

    private static MemoryRegion region(long start, long end, String permissions, long offset) {
        return new MemoryRegion(start, end, permissions, offset, PATH);
    }

    @Test
    void pieMappedAtARandomBaseHasThatBaseAsBias() {
        long base = 0x55d0_4a2b_1000L;
        List<MemoryRegion> maps = List.of(region(base + 0x1000, base + 0x2000, "r-xp", 0x1000),
                region(base, base + 0x1000, "r--p", 0),
                region(base + 0x3000, base + 0x5000, "rw-p", 0x2000));

        ElfBinaryImage image = ElfBinaryImage.of(pie(), PATH, maps);

        assertThat(image.loadBias()).isEqualTo(base);
        assertThat(image.symbol("main")).map(BinaryImage.Symbol::address).hasValue(base + MAIN_IN_FILE);
        assertThat(image.section(".bss")).map(BinaryImage.Section::address).hasValue(base + BSS_IN_FILE);
    }

    @Test
    void sharedLibraryHighInTheAddressSpace() {
        long base = 0x7f3a_9c40_0000L;
        ElfBinaryImage image = ElfBinaryImage.of(pie(), PATH, List.of(region(base, base + 0x1000, "r--p", 0)));

        assertThat(image.loadBias()).isEqualTo(base);
        assertThat(image.path()).isEqualTo(PATH);
    }

    @Test
    void nonPieExecutableAtItsLinkAddressHasBiasZero() {
        SyntheticElf exec = nonPie(0x400000, 0);
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(exec.write().bytes()), "python");

        ElfBinaryImage image = ElfBinaryImage.of(elf, "/usr/bin/python3.11",
                List.of(region(0x400000, 0x41f000, "r--p", 0), region(0x41f000, 0x6d2000, "r-xp", 0x1f000)));

        assertThat(image.loadBias()).isZero();
        assertThat(image.symbol("function")).map(BinaryImage.Symbol::address).hasValue(exec.textAddress());
    }

    @Test
    void nonPieExecutableNeedsNoMapping() {
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(nonPie(0x400000, 0).write().bytes()), "python");

        assertThat(ElfBinaryImage.of(elf, "/usr/bin/python3.11", List.of()).loadBias()).isZero();
    }

    /** p_offset 0x1234, p_vaddr 0x401234: the loader maps file page 0x1000 at bias + 0x401000. */
    @Test
    void firstLoadSegmentNotPageAlignedUsesThePageAlignedMapping() {
        SyntheticElf dyn = new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                .segment(new SyntheticElf.Segment(1, 5, 0x1234, 0x401234, 0x100, 0x100, 0x1000));
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(dyn.write().bytes()), "odd.so");
        long start = 0x7000_0000_1000L;

        ElfBinaryImage image = ElfBinaryImage.of(elf, PATH, List.of(region(start, start + 0x1000, "r-xp", 0x1000)));

        assertThat(image.loadBias()).isEqualTo(start - 0x401000);
    }

    /** A reader's own read-only mmap of the file (shared, below the loader's mapping) must not be taken for it. */
    @Test
    void theMappingTheExecutableSegmentConfirmsWinsOverAnotherMapOfTheFile() {
        long readersMap = 0x7f00_0000_0000L;
        long loaded = 0x7f10_0000_0000L;
        List<MemoryRegion> maps = List.of(region(readersMap, readersMap + 0x4000, "r--s", 0),
                region(loaded, loaded + 0x1000, "r--p", 0),
                region(loaded + 0x1000, loaded + 0x2000, "r-xp", 0x1000),
                region(loaded + 0x3000, loaded + 0x5000, "rw-p", 0x2000));

        assertThat(ElfBinaryImage.of(pie(), PATH, maps).loadBias()).isEqualTo(loaded);
    }

    @Test
    void withoutAnExecutableMappingAPrivateMappingWinsOverASharedOne() {
        long shared = 0x7f00_0000_0000L;
        long loaded = 0x7f10_0000_0000L;
        List<MemoryRegion> maps = List.of(region(loaded, loaded + 0x1000, "r--p", 0),
                region(shared, shared + 0x1000, "r--s", 0));

        assertThat(ElfBinaryImage.of(pie(), PATH, maps).loadBias()).isEqualTo(loaded);
    }

    @Test
    void amongEqualCandidatesTheLowestWins() {
        long first = 0x7f00_0000_0000L;
        long second = 0x7f10_0000_0000L;
        List<MemoryRegion> maps = List.of(region(second, second + 0x1000, "r--p", 0),
                region(first, first + 0x1000, "r--p", 0));

        assertThat(ElfBinaryImage.of(pie(), PATH, maps).loadBias()).isEqualTo(first);
    }

    @Test
    void aSharedObjectWithoutAMatchingMappingIsReported() {
        List<MemoryRegion> maps = List.of(region(0x7f00_0000_0000L, 0x7f00_0000_1000L, "r-xp", 0x5000));

        assertThatThrownBy(() -> ElfBinaryImage.of(pie(), PATH, maps))
                .isInstanceOfSatisfying(SpyException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT))
                .hasMessage("malformed ELF file '" + Binaries.HELLO + "': no mapping of the file covers file offset"
                        + " 0x0 of its first PT_LOAD (the file may have been replaced since the process mapped it)");
    }

    @Test
    void absoluteAndThreadLocalSymbolsAreNotRelocatedAddresses() {
        SyntheticElf dyn = new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                .segment(new SyntheticElf.Segment(1, 5, 0, 0, 0x100, 0x100, 0x1000))
                .symbol("absolute", 0x1234, 0, 0x10, 0xfff1)
                .symbol("thread_local", 0x10, 8, 0x16, 2);
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(dyn.write().bytes()), "tls.so");
        long base = 0x7f00_0000_0000L;

        ElfBinaryImage image = ElfBinaryImage.of(elf, PATH, List.of(region(base, base + 0x1000, "r--p", 0)));

        assertThat(image.symbol("absolute")).map(BinaryImage.Symbol::address).hasValue(0x1234L);
        assertThat(image.symbol("thread_local")).isEmpty();
        assertThat(image.section(".symtab")).isEmpty();
        assertThat(image.section(".text")).map(BinaryImage.Section::address).hasValue(base + dyn.textAddress());
    }

    private static SyntheticElf nonPie(long linkBase, long firstLoadOffset) {
        SyntheticElf exec = new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 2, linkBase);
        return exec.segment(new SyntheticElf.Segment(1, 4, firstLoadOffset, linkBase, 0x1000, 0x1000, 0x1000))
                .symbol("function", exec.textAddress(), 16, 0x12, 1);
    }
}
