// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.symbols.FunctionSymbol;
import dev.pyspy4j.testsupport.fuzz.Fuzz;
import dev.pyspy4j.unwinders.cfi.CodeRange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The attribution rule over hand-made code: functions {@code f} and {@code g} made of {@code nop}s with branches
 * written at chosen places, and unnamed ranges after them.
 */
class ColdPartScannerTest {
    private static final long CODE = 0x1000;
    private static final int CODE_SIZE = 0x400;
    private static final FunctionSymbol F = new FunctionSymbol("f", CODE, 0x100);
    private static final FunctionSymbol G = new FunctionSymbol("g", CODE + 0x100, 0x100);
    private static final CodeRange FIRST = new CodeRange(CODE + 0x200, CODE + 0x280);
    private static final CodeRange SECOND = new CodeRange(CODE + 0x300, CODE + 0x380);

    private final ByteBuffer code = ByteBuffer.allocate(CODE_SIZE).order(ByteOrder.LITTLE_ENDIAN);

    ColdPartScannerTest() {
        for (int i = 0; i < CODE_SIZE; i++) {
            code.put(i, (byte) 0x90);
        }
    }

    @Test
    void twoBranchSitesOfOneFunctionNameTheRangeAfterIt() {
        jcc(F, 0x10, FIRST.start());
        jmp(F, 0x40, FIRST.start() + 0x33);

        ColdParts parts = scan(List.of(FIRST, SECOND));

        assertThat(parts.ownerAt(FIRST.start())).contains("f");
        assertThat(parts.ownerAt(FIRST.end() - 1)).contains("f");
        assertThat(parts.ownerAt(FIRST.end())).isEmpty();
        assertThat(parts.ownerAt(SECOND.start())).isEmpty();
    }

    @Test
    void aSingleBranchSiteIsNotEnough() {
        jcc(F, 0x10, FIRST.start());

        assertThat(scan(List.of(FIRST)).size()).isZero();
    }

    @Test
    void aRangeTwoFunctionsBranchIntoStaysUnnamed() {
        jcc(F, 0x10, FIRST.start());
        jmp(F, 0x40, FIRST.start() + 0x10);
        jmp(F, 0x60, FIRST.start() + 0x20);
        jcc(G, 0x08, FIRST.start() + 0x30);
        jcc(G, 0x20, SECOND.start());
        jcc(G, 0x30, SECOND.start() + 4);

        ColdParts parts = scan(List.of(FIRST, SECOND));

        assertThat(parts.ownerAt(FIRST.start())).isEmpty();
        assertThat(parts.ownerAt(SECOND.start())).contains("g");
    }

    @Test
    void shortBranchesAndCallsAreNotBranchSites() {
        // jcc rel8 and jmp rel8 cannot leave their section; a call enters a function, never a cold part
        code.put(offset(F, 0x10), (byte) 0x74);
        code.put(offset(F, 0x20), (byte) 0xEB);
        call(F, 0x30, FIRST.start());
        call(F, 0x40, FIRST.start() + 8);

        assertThat(scan(List.of(FIRST)).size()).isZero();
    }

    @Test
    void branchesInCodeNoSymbolHoldsAreNotEvidence() {
        jmp(SECOND, 0x10, FIRST.start());
        jmp(SECOND, 0x20, FIRST.start() + 1);

        assertThat(scan(List.of(FIRST)).size()).isZero();
    }

    @Test
    void moreCodeThanTheBudgetAttributesNothing() {
        jcc(F, 0x10, FIRST.start());
        jmp(F, 0x40, FIRST.start() + 0x33);

        ColdParts parts = ColdPartScanner.scan(List.of(FIRST), List.of(F, G), sections(), F.size() + G.size() - 1);

        assertThat(parts.size()).isZero();
    }

    @Property(tries = 300)
    @Fuzz
    void anyBytesGiveOnlyRangesWithTwoSitesOfOneFunction(@ForAll @Size(CODE_SIZE) byte[] bytes,
                                                         @ForAll @Size(max = 12) List<@IntRange(min = 0,
                                                                 max = CODE_SIZE - 6) Integer> plantedAt,
                                                         @ForAll @Size(max = 12) List<@IntRange(min = -0x100,
                                                                 max = CODE_SIZE + 0x100) Integer> plantedTargets,
                                                         @ForAll @IntRange(min = 1, max = 0x200) int fSize,
                                                         @ForAll @IntRange(min = 0, max = 0x3ff) int split) {
        ByteBuffer random = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // random bytes rarely hold a branch into the ranges, so some are planted (possibly overlapping each other)
        for (int i = 0; i < Math.min(plantedAt.size(), plantedTargets.size()); i++) {
            int site = plantedAt.get(i);
            long target = CODE + plantedTargets.get(i);
            if (i % 2 == 0) {
                random.put(site, (byte) 0xE9).putInt(site + 1, (int) (target - (CODE + site + 5)));
            } else {
                random.put(site, (byte) 0x0F).put(site + 1, (byte) (0x80 + i))
                        .putInt(site + 2, (int) (target - (CODE + site + 6)));
            }
        }
        FunctionSymbol f = new FunctionSymbol("f", CODE, fSize);
        // a function running past the end of the code is read up to that end
        FunctionSymbol g = new FunctionSymbol("g", CODE + fSize, CODE_SIZE);
        List<CodeRange> ranges = List.of(new CodeRange(CODE - 0x100, CODE + split), new CodeRange(CODE + split,
                CODE + CODE_SIZE + 0x100));

        ColdParts parts = ColdPartScanner.scan(ranges, List.of(f, g),
                List.of(new ColdPartScanner.CodeSection(CODE, random)), Long.MAX_VALUE);

        for (CodeRange range : ranges) {
            int fromF = sitesInto(random, f, range);
            int fromG = sitesInto(random, g, range);
            Optional<String> expected = fromF >= 2 && fromG == 0 ? Optional.of("f")
                    : fromG >= 2 && fromF == 0 ? Optional.of("g") : Optional.empty();
            assertThat(parts.ownerAt(range.start())).as(range.toString()).isEqualTo(expected);
            assertThat(parts.ownerAt(range.end() - 1)).as(range.toString()).isEqualTo(expected);
        }
    }

    /** Counts the branch sites the plain way, decoding each offset separately. */
    private static int sitesInto(ByteBuffer bytes, FunctionSymbol function, CodeRange range) {
        int count = 0;
        int from = (int) (function.start() - CODE);
        int to = (int) Math.min(bytes.limit(), from + function.size());
        for (int i = from; i < to; i++) {
            long target;
            if ((bytes.get(i) & 0xff) == 0xE9 && i + 5 <= to) {
                target = CODE + i + 5 + bytes.getInt(i + 1);
            } else if (bytes.get(i) == 0x0F && i + 6 <= to && (bytes.get(i + 1) & 0xf0) == 0x80) {
                target = CODE + i + 6 + bytes.getInt(i + 2);
            } else {
                continue;
            }
            if (range.contains(target)) {
                count++;
            }
        }
        return count;
    }

    private ColdParts scan(List<CodeRange> ranges) {
        return ColdPartScanner.scan(ranges, List.of(F, G), sections(), Long.MAX_VALUE);
    }

    private List<ColdPartScanner.CodeSection> sections() {
        return new ArrayList<>(List.of(new ColdPartScanner.CodeSection(CODE, code)));
    }

    private void jcc(FunctionSymbol function, int at, long target) {
        int site = offset(function, at);
        code.put(site, (byte) 0x0F).put(site + 1, (byte) 0x84).putInt(site + 2, (int) (target - (CODE + site + 6)));
    }

    private void jmp(FunctionSymbol function, int at, long target) {
        int site = offset(function, at);
        code.put(site, (byte) 0xE9).putInt(site + 1, (int) (target - (CODE + site + 5)));
    }

    private void jmp(CodeRange range, int at, long target) {
        jmp(new FunctionSymbol("unnamed", range.start(), range.end() - range.start()), at, target);
    }

    private void call(FunctionSymbol function, int at, long target) {
        int site = offset(function, at);
        code.put(site, (byte) 0xE8).putInt(site + 1, (int) (target - (CODE + site + 5)));
    }

    private static int offset(FunctionSymbol function, int at) {
        return (int) (function.start() - CODE) + at;
    }
}
