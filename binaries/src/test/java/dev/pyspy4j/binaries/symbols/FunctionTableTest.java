// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which symbol names an address, on hand-made symbol sets. */
class FunctionTableTest {
    private static final long UNKNOWN_SECTION_END = -1L;

    @Test
    void sizedSymbolHoldsItsRangeOnly() {
        FunctionTable table = FunctionTable.of(List.of(global("f", 0x1000, 0x20), global("g", 0x1040, 0x10)));

        assertThat(nameAt(table, 0x1000)).contains("f");
        assertThat(nameAt(table, 0x101f)).contains("f");
        assertThat(nameAt(table, 0x1020)).isEmpty();
        assertThat(nameAt(table, 0xfff)).isEmpty();
        assertThat(nameAt(table, 0x104f)).contains("g");
        assertThat(nameAt(table, 0x1050)).isEmpty();
        assertThat(table.at(0x1008)).contains(new FunctionSymbol("f", 0x1000, 0x20));
    }

    @Test
    void innermostSizedSymbolWinsAndTheOuterResumesAfterIt() {
        FunctionTable table = FunctionTable.of(List.of(global("outer", 0x1000, 0x100),
                global("entry", 0x1040, 0x20)));

        assertThat(nameAt(table, 0x103f)).contains("outer");
        assertThat(nameAt(table, 0x1040)).contains("entry");
        assertThat(nameAt(table, 0x105f)).contains("entry");
        assertThat(nameAt(table, 0x1060)).contains("outer");
        assertThat(nameAt(table, 0x10ff)).contains("outer");
        assertThat(nameAt(table, 0x1100)).isEmpty();
    }

    @Test
    void unsizedSymbolRunsToTheNextSymbolWithinItsSection() {
        FunctionTable table = FunctionTable.of(List.of(
                new FunctionCandidate("_start", 0x1000, 0, 0x1100, true, true),
                global("next", 0x1080, 0x10),
                new FunctionCandidate("tail_label", 0x10c0, 0, 0x1100, true, true)));

        assertThat(nameAt(table, 0x1000)).contains("_start");
        assertThat(nameAt(table, 0x107f)).contains("_start");
        assertThat(nameAt(table, 0x1080)).contains("next");
        // after a sized function, before the next label: padding, not _start's code
        assertThat(nameAt(table, 0x1090)).isEmpty();
        assertThat(nameAt(table, 0x10ff)).contains("tail_label");
        // past the end of the section
        assertThat(nameAt(table, 0x1100)).isEmpty();
    }

    @Test
    void sizedSymbolCoveringAnUnsizedOneWins() {
        FunctionTable table = FunctionTable.of(List.of(global("function", 0x1000, 0x100),
                new FunctionCandidate("inner_label", 0x1040, 0, UNKNOWN_SECTION_END, false, true)));

        assertThat(nameAt(table, 0x1040)).contains("function");
        assertThat(nameAt(table, 0x10ff)).contains("function");
        // nearest symbol before 0x1100 is the unsized label, and nothing sized covers it any more
        assertThat(nameAt(table, 0x1100)).contains("inner_label");
    }

    @Test
    void unsizedAliasOfASizedSymbolClaimsNothingPastItsEnd() {
        FunctionTable table = FunctionTable.of(List.of(global("sized", 0x1000, 0x10),
                new FunctionCandidate("alias_label", 0x1000, 0, UNKNOWN_SECTION_END, true, true),
                global("later", 0x2000, 0x10)));

        assertThat(nameAt(table, 0x1000)).contains("sized");
        assertThat(nameAt(table, 0x1010)).isEmpty();
    }

    @Test
    void globalNameBeatsLocalAliasWhateverTheOrder() {
        List<FunctionCandidate> symbols = new ArrayList<>(List.of(
                local("__GI_memcpy", 0x1000, 0x40),
                global("memcpy", 0x1000, 0x40),
                local("memcpy_internal", 0x1000, 0x40)));
        Random random = new Random(7);
        for (int round = 0; round < 10; round++) {
            Collections.shuffle(symbols, random);
            assertThat(nameAt(FunctionTable.of(symbols), 0x1010)).contains("memcpy");
        }
    }

    @Test
    void amongGlobalAliasesDefaultVersionThenFewestUnderscoresThenName() {
        assertThat(nameAt(FunctionTable.of(List.of(
                new FunctionCandidate("old", 0x1000, 0x10, -1, true, false),
                new FunctionCandidate("zzz_current", 0x1000, 0x10, -1, true, true))), 0x1000))
                .contains("zzz_current");
        assertThat(nameAt(FunctionTable.of(List.of(global("__libc_malloc", 0x1000, 0x10),
                global("malloc", 0x1000, 0x10))), 0x1000)).contains("malloc");
        assertThat(nameAt(FunctionTable.of(List.of(global("beta", 0x1000, 0x10),
                global("alfa", 0x1000, 0x10))), 0x1000)).contains("alfa");
    }

    @Test
    void duplicatesFromSeveralTablesCountOnce() {
        FunctionTable table = FunctionTable.of(List.of(global("f", 0x1000, 0x10), global("f", 0x1000, 0x10)));

        assertThat(table.functionCount()).isEqualTo(1);
    }

    @Test
    void functionsListsTheSymbolsThatNameAddressesByStart() {
        FunctionTable table = FunctionTable.of(List.of(global("g", 0x2000, 0x10), global("f", 0x1000, 0x20),
                global("f", 0x1000, 0x20), global("hidden_alias_of_g", 0x2000, 0x10),
                new FunctionCandidate("label", 0x3000, 0, 0x3100, true, true)));

        assertThat(table.functions()).containsExactly(new FunctionSymbol("f", 0x1000, 0x20),
                new FunctionSymbol("g", 0x2000, 0x10), new FunctionSymbol("label", 0x3000, 0));
    }

    @Test
    void addressesAboveTheSignedRangeCompareUnsigned() {
        long high = 0xffff_ffff_ff60_0000L;
        FunctionTable table = FunctionTable.of(List.of(global("low", 0x1000, 0x10), global("high", high, 0x100)));

        assertThat(nameAt(table, high + 0xff)).contains("high");
        assertThat(nameAt(table, high + 0x100)).isEmpty();
        assertThat(nameAt(table, 0x1000)).contains("low");
    }

    @Test
    void symbolWhoseRangeWrapsTheAddressSpaceIsIgnored() {
        FunctionTable table = FunctionTable.of(List.of(global("wraps", 0xffff_ffff_ffff_fff0L, 0x20),
                global("fine", 0x10, 0x10)));

        assertThat(nameAt(table, 0xffff_ffff_ffff_fff8L)).isEmpty();
        assertThat(nameAt(table, 0x5)).isEmpty();
        assertThat(nameAt(table, 0x10)).contains("fine");
    }

    @Test
    void emptyTableNamesNothing() {
        assertThat(FunctionTable.of(List.of()).at(0)).isEmpty();
        assertThat(FunctionTable.empty().functionCount()).isZero();
    }

    static FunctionCandidate global(String name, long start, long size) {
        return new FunctionCandidate(name, start, size, UNKNOWN_SECTION_END, true, true);
    }

    static FunctionCandidate local(String name, long start, long size) {
        return new FunctionCandidate(name, start, size, UNKNOWN_SECTION_END, false, true);
    }

    private static Optional<String> nameAt(FunctionTable table, long address) {
        return table.at(address).map(FunctionSymbol::name);
    }
}
