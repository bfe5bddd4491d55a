// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Lookups across symbol tables: the linker's choice among duplicates, reading a table only when it can matter. */
class ElfSymbolIndexTest {
    private static final int GLOBAL_FUNCTION = 0x12;
    private static final int LOCAL_FUNCTION = 0x02;

    private final List<String> tablesRead = new ArrayList<>();

    @Test
    void aGlobalNameInTheFirstTableLeavesTheOthersUnread() {
        ElfSymbolIndex index = ElfSymbolIndex.of(List.of(
                table("first", new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                        .symbol("exported", 0x1000, 8, GLOBAL_FUNCTION, 1)),
                table("second", new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                        .symbol("exported", 0x2000, 8, GLOBAL_FUNCTION, 1))));

        assertThat(index.lookup("exported")).map(symbol -> symbol.st_value).hasValue(0x1000L);
        assertThat(tablesRead).containsExactly("first");
    }

    @Test
    void aLocalNameInTheFirstTableLosesToAGlobalOneInALaterTable() {
        ElfSymbolIndex index = ElfSymbolIndex.of(List.of(
                table("first", new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                        .symbol("helper", 0x1000, 8, LOCAL_FUNCTION, 1)),
                table("second", new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                        .symbol("helper", 0x2000, 8, GLOBAL_FUNCTION, 1))));

        assertThat(index.lookup("helper")).map(symbol -> symbol.st_value).hasValue(0x2000L);
        assertThat(tablesRead).containsExactly("first", "second");
    }

    @Test
    void onATieTheEarlierTableWins() {
        ElfSymbolIndex index = ElfSymbolIndex.of(List.of(
                table("first", new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                        .symbol("helper", 0x1000, 8, LOCAL_FUNCTION, 1)),
                table("second", new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                        .symbol("helper", 0x2000, 8, LOCAL_FUNCTION, 1))));

        assertThat(index.lookup("helper")).map(symbol -> symbol.st_value).hasValue(0x1000L);
    }

    @Test
    void aMissingNameReadsEveryTableOnceAcrossLookups() {
        ElfSymbolIndex index = ElfSymbolIndex.of(List.of(
                table("first", new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                        .symbol("exported", 0x1000, 8, GLOBAL_FUNCTION, 1)),
                table("second", new SyntheticElf(true, ByteOrder.LITTLE_ENDIAN, 3, 0)
                        .symbol("imported", 0, 0, GLOBAL_FUNCTION, 0))));

        assertThat(index.lookup("missing")).isEmpty();
        assertThat(index.lookup("imported")).as("undefined entries name nothing").isEmpty();
        assertThat(index.lookup("exported")).isPresent();
        assertThat(tablesRead).containsExactly("first", "second");
    }

    /** The symbols of a synthetic file's {@code .symtab}, noting in {@link #tablesRead} when they are asked for. */
    private Supplier<List<ElfSymbol>> table(String label, SyntheticElf elf) {
        List<ElfSymbol> symbols = ElfFile.parse(ByteBuffer.wrap(elf.write().bytes()), label)
                .symbolTable(ElfConstants.SHT_SYMTAB);
        return () -> {
            tablesRead.add(label);
            return symbols;
        };
    }
}
