// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 32/64-bit, little/big-endian files written from the gABI layouts read back with the values written. */
class SyntheticElfTest {
    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of(true, ByteOrder.LITTLE_ENDIAN), Arguments.of(true, ByteOrder.BIG_ENDIAN),
                Arguments.of(false, ByteOrder.LITTLE_ENDIAN), Arguments.of(false, ByteOrder.BIG_ENDIAN));
    }

    /** A small non-PIE executable with global, local, absolute and undefined symbols (bind << 4 | type). */
    static SyntheticElf sample(boolean is64, ByteOrder order) {
        long base = is64 ? 0xffffffff80000000L : 0x80000000L;
        SyntheticElf elf = new SyntheticElf(is64, order, 2, base);
        return elf.segment(new SyntheticElf.Segment(1, 5, 0, base, 0x200, 0x3000, 0x1000))
                .segment(new SyntheticElf.Segment(1, 6, 0x200, base + 0x2200, 0x10, 0x40, 0x1000))
                .symbol("global_function", elf.textAddress() + 4, 12, 0x12, 1)
                .symbol("local_data", elf.dataAddress(), 8, 0x01, 2)
                .symbol("bss_buffer", elf.bssAddress(), 0x40, 0x11, 3)
                .symbol("absolute_value", 0x1234, 0, 0x10, 0xfff1)
                .symbol("imported_function", 0, 0, 0x12, 0);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void headerAndProgramHeadersReadBackAsWritten(boolean is64, ByteOrder order) {
        SyntheticElf sample = sample(is64, order);
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(sample.write().bytes()), "synthetic");

        assertThat(elf.is64()).isEqualTo(is64);
        assertThat(elf.byteOrder()).isEqualTo(order);
        assertThat(elf.header().e_type).isEqualTo(2);
        assertThat(elf.header().e_machine).isEqualTo(is64 ? 62 : 3);
        assertThat(elf.header().e_entry).isEqualTo(sample.textAddress());
        assertThat(elf.programHeaders()).hasSize(2);
        ElfProgramHeader data = elf.programHeaders().get(1);
        assertThat(data.p_type).isEqualTo(1);
        assertThat(data.p_flags).isEqualTo(6);
        assertThat(data.p_offset).isEqualTo(0x200);
        assertThat(data.p_vaddr).isEqualTo(sample.textAddress() + 0x1200);
        assertThat(data.p_filesz).isEqualTo(0x10);
        assertThat(data.p_memsz).isEqualTo(0x40);
        assertThat(data.p_align).isEqualTo(0x1000);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void sectionsReadBackAsWritten(boolean is64, ByteOrder order) {
        SyntheticElf sample = sample(is64, order);
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(sample.write().bytes()), "synthetic");

        assertThat(elf.sectionHeaders()).extracting(s -> s.name)
                .containsExactly("", ".text", ".data", ".bss", ".symtab", ".strtab", ".shstrtab");
        assertThat(elf.section(".bss")).hasValueSatisfying(bss -> {
            assertThat(bss.sh_type).isEqualTo(8);
            assertThat(bss.sh_addr).isEqualTo(sample.bssAddress());
            assertThat(bss.sh_size).isEqualTo(0x40);
            assertThat(bss.hasFileData()).isFalse();
        });
        ByteBuffer data = elf.sectionData(elf.section(".data").orElseThrow());
        assertThat(data.order()).isEqualTo(order);
        assertThat(data.getLong(0)).isEqualTo(0x1122334455667788L);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void symbolsReadBackAsWritten(boolean is64, ByteOrder order) {
        SyntheticElf sample = sample(is64, order);
        ElfFile elf = ElfFile.parse(ByteBuffer.wrap(sample.write().bytes()), "synthetic");

        assertThat(elf.symbol("global_function")).hasValueSatisfying(s -> {
            assertThat(s.st_value).isEqualTo(sample.textAddress() + 4);
            assertThat(s.st_size).isEqualTo(12);
            assertThat(s.type()).isEqualTo(2);
            assertThat(s.binding()).isEqualTo(1);
            assertThat(s.st_shndx).isEqualTo(1);
            assertThat(s.table()).isEqualTo(".symtab");
        });
        assertThat(elf.symbol("local_data")).map(s -> s.binding()).hasValue(0);
        assertThat(elf.symbol("bss_buffer")).map(s -> s.st_value).hasValue(sample.bssAddress());
        assertThat(elf.symbol("absolute_value")).map(s -> s.st_shndx).hasValue(0xfff1);
        assertThat(elf.symbol("imported_function")).isEmpty();
        assertThat(elf.symbol("global")).isEmpty();
        assertThat(elf.symbolTable(ElfConstants.SHT_SYMTAB)).hasSize(6);
    }
}
