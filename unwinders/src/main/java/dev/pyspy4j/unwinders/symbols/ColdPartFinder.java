// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.elf.ElfConstants;
import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSectionHeader;
import dev.pyspy4j.binaries.symbols.ElfFunctionSymbols;
import dev.pyspy4j.binaries.symbols.FunctionSymbol;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.unwinders.cfi.CallFrameTable;
import dev.pyspy4j.unwinders.cfi.CodeRange;
import dev.pyspy4j.unwinders.cfi.UnwindRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the cold parts of one x86_64 binary (see {@link ColdPartScanner}): the candidates are the {@code .eh_frame}
 * FDE ranges inside {@code .text} that no symbol names, and the code read is the named functions' bytes in the
 * executable sections of the file. The linker places the compiler's {@code .text.unlikely} inside {@code .text};
 * the PLT's stubs, which have FDEs of their own and are reached by tail calls ({@code jmp rel32}), lie outside it.
 *
 * <p>A candidate must also not begin like a function. An FDE that starts where a {@code call} would land (the CFA is
 * the stack pointer plus 8: only the return address is on the stack) may be a static function whose symbol was
 * stripped, and a named function that tail-calls it from two places ({@code jmp rel32}, the same encoding as a
 * branch) would otherwise pass for its owner. A cold part starts in the middle of its function, with the hot part's
 * frame already set up, so its first row says so (a frame pointer based CFA, registers saved). A cold part entered
 * before its function set up any frame is left unnamed by this rule.
 */
final class ColdPartFinder {
    /**
     * The most bytes of named code scanned for one binary: a stripped CPython or libc has under 1 MiB of code in
     * functions with symbols (their whole {@code .text} is a few MiB); a binary with more named code than this is
     * left without cold part names rather than stall the sampler thread.
     */
    static final long MAX_CODE_BYTES = 64L << 20;

    private static final int EM_X86_64 = 62;
    private static final int X86_64_RSP = 7;
    private static final int RETURN_ADDRESS_ONLY = 8;

    private ColdPartFinder() {
    }

    /** The cold parts of {@code elf}, whose symbols are {@code symbols}; none when its tables cannot be read. */
    static ColdParts find(ElfFile elf, ElfFunctionSymbols symbols) {
        if (elf.header().e_machine != EM_X86_64) {
            return ColdParts.NONE;
        }
        try {
            Optional<ElfSectionHeader> text = elf.section(".text").filter(ElfSectionHeader::hasFileData);
            if (text.isEmpty()) {
                return ColdParts.NONE;
            }
            CallFrameTable frames = CallFrameTable.of(elf);
            CodeRange textRange = new CodeRange(text.get().sh_addr, text.get().sh_addr + text.get().sh_size);
            List<CodeRange> inText = frames.ehFrameRanges().stream()
                    .filter(range -> textRange.contains(range.start())
                            && Long.compareUnsigned(range.end(), textRange.end()) <= 0)
                    .toList();
            List<FunctionSymbol> functions = symbols.functions();
            List<CodeRange> candidates = unnamedRanges(inText, symbols, functions);
            List<FunctionSymbol> sized = functions.stream().filter(function -> function.size() > 0).toList();
            // each range's evidence stands alone, so the costlier test runs only on the few ranges attributed
            return ColdPartScanner.scan(candidates, sized, codeSections(elf), MAX_CODE_BYTES)
                    .retaining(range -> !beginsLikeAFunction(frames, range));
        } catch (SpyException e) {
            // malformed call-frame tables or sections: the binary keeps its symbols, its cold parts stay unnamed
            return ColdParts.NONE;
        }
    }

    /** The FDE ranges that no symbol names any address of, disjoint. */
    private static List<CodeRange> unnamedRanges(List<CodeRange> fdeRanges, ElfFunctionSymbols symbols,
                                                 List<FunctionSymbol> byStart) {
        long[] symbolStarts = byStart.stream().mapToLong(FunctionSymbol::start).toArray();
        List<CodeRange> fragments = new ArrayList<>();
        long previousEnd = 0;
        for (CodeRange range : fdeRanges) {
            boolean overlapsPrevious = Long.compareUnsigned(range.start(), previousEnd) < 0;
            previousEnd = unsignedMax(previousEnd, range.end());
            if (overlapsPrevious) {
                // overlapping FDEs: which one the code belongs to is unclear, so neither is used
                if (!fragments.isEmpty()
                        && Long.compareUnsigned(fragments.get(fragments.size() - 1).end(), range.start()) > 0) {
                    fragments.remove(fragments.size() - 1);
                }
                continue;
            }
            if (symbols.functionAt(range.start()).isEmpty() && !anyStartIn(symbolStarts, range)) {
                fragments.add(range);
            }
        }
        return fragments;
    }

    private static boolean anyStartIn(long[] sortedStarts, CodeRange range) {
        int low = 0;
        int high = sortedStarts.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(sortedStarts[middle], range.start()) <= 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        // low is the first start after range.start()
        return low < sortedStarts.length && Long.compareUnsigned(sortedStarts[low], range.end()) < 0;
    }

    private static boolean beginsLikeAFunction(CallFrameTable frames, CodeRange range) {
        Optional<UnwindRow> first = frames.rowAt(range.start());
        return first.isEmpty() || !first.get().cfa().isExpression()
                && first.get().cfa().register() == X86_64_RSP && first.get().cfa().offset() == RETURN_ADDRESS_ONLY;
    }

    private static List<ColdPartScanner.CodeSection> codeSections(ElfFile elf) {
        List<ColdPartScanner.CodeSection> sections = new ArrayList<>();
        for (ElfSectionHeader section : elf.sectionHeaders()) {
            if (section.isAllocated() && section.hasFileData()
                    && (section.sh_flags & ElfConstants.SHF_EXECINSTR) != 0 && section.sh_size > 0) {
                sections.add(new ColdPartScanner.CodeSection(section.sh_addr, elf.sectionData(section)));
            }
        }
        return sections;
    }

    private static long unsignedMax(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }
}
