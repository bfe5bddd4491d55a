// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.binaries.symbols.FunctionSymbol;
import dev.pyspy4j.unwinders.cfi.CodeRange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Attributes code ranges that no symbol names to the named function that jumps into them, on x86_64.
 *
 * <p>Why: GCC splits a function's rarely run blocks into a separate "cold part" ({@code foo.cold}, placed in
 * {@code .text.unlikely}, far from the function). Its only symbol is a local one, which stripping removes, while the
 * function itself keeps its {@code .dynsym} entry when exported. Profile-guided builds can put most of a function in
 * its cold part (a stripped CPython runs much of its evaluation loop there), and unnamed, those frames cannot be
 * recognised. The cold part keeps its own FDE in {@code .eh_frame}, so its range is known; what is lost is whose it
 * is.
 *
 * <p>Why jumps: a cold part is entered only by branches from its own function's hot part (never called: it has no
 * entry of its own), and the assembler encodes a branch to another section with a 32-bit displacement: {@code jmp
 * rel32} ({@code E9}) or {@code jcc rel32} ({@code 0F 80}..{@code 0F 8F}). Short branches ({@code rel8}) cannot reach
 * another section and are ignored. So the function whose bytes branch into the range owns it.
 *
 * <p>Why the thresholds: the bytes are scanned without decoding instructions, so an {@code E9} or {@code 0F 8x} inside
 * another instruction (an immediate, a displacement) can look like a branch into the range by chance. One such
 * accident is plausible; two in one function aimed at one range are not. So a range is attributed only when (a) at
 * least two distinct branch sites of one function target it and (b) no other function has even one site targeting
 * it (two functions "branching" into one range means at least one reading is wrong, and which one is unknowable).
 *
 * <p>What stays unnamed: a range entered by fewer than two branch sites (a cold part with a single exit from its
 * hot part), a range claimed by two functions, and every range whose function has no symbol at all (a stripped
 * static function's cold part: its hot part is as unnamed as it is). The caller also leaves out ranges that are
 * functions in their own right (see {@link ColdPartFinder}): a tail call to a static function is a
 * {@code jmp rel32} as well. When the functions' bytes exceed the budget, nothing is attributed, as an unscanned
 * function might branch into any range.
 */
final class ColdPartScanner {
    private static final int JMP_REL32 = 0xE9;
    private static final int TWO_BYTE_OPCODE = 0x0F;
    private static final int JCC_REL32_HIGH_NIBBLE = 0x80;
    static final int SITES_REQUIRED = 2;

    private ColdPartScanner() {
    }

    /** A section of code: its bytes and the address of the first. */
    record CodeSection(long address, ByteBuffer bytes) {
        boolean holds(long address) {
            return Long.compareUnsigned(address, this.address) >= 0
                    && Long.compareUnsigned(address - this.address, bytes.remaining()) < 0;
        }
    }

    /**
     * The ranges of {@code candidates} (sorted by start, disjoint, none named by a symbol) that one function of
     * {@code functions} (with sizes) branches into as the rule says, named after that function.
     *
     * @param maxBytes the most bytes of code to read; over it, nothing is attributed
     */
    static ColdParts scan(List<CodeRange> candidates, List<FunctionSymbol> functions, List<CodeSection> code,
                          long maxBytes) {
        if (candidates.isEmpty()) {
            return ColdParts.NONE;
        }
        long total = 0;
        for (FunctionSymbol function : functions) {
            total += function.size();
            if (total > maxBytes || total < 0) {
                return ColdParts.NONE;
            }
        }
        Evidence evidence = new Evidence(candidates);
        for (int f = 0; f < functions.size(); f++) {
            FunctionSymbol function = functions.get(f);
            if (function.size() <= 0) {
                continue;
            }
            for (CodeSection section : code) {
                if (section.holds(function.start())) {
                    scanFunction(f, function, section, evidence);
                    break;
                }
            }
        }
        return evidence.attributed(functions);
    }

    private static void scanFunction(int index, FunctionSymbol function, CodeSection section, Evidence evidence) {
        ByteBuffer bytes = section.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int base = bytes.position();
        int from = base + (int) (function.start() - section.address());
        // a function running past its section's end is read up to that end
        int to = (int) Math.min((long) bytes.limit(), (long) from + function.size());
        for (int i = from; i <= to - 5; i++) {
            int opcode = bytes.get(i) & 0xff;
            int length;
            int displacement;
            if (opcode == JMP_REL32) {
                length = 5;
                displacement = bytes.getInt(i + 1);
            } else if (opcode == TWO_BYTE_OPCODE && i <= to - 6
                    && (bytes.get(i + 1) & 0xf0) == JCC_REL32_HIGH_NIBBLE) {
                length = 6;
                displacement = bytes.getInt(i + 2);
            } else {
                continue;
            }
            long site = section.address() + (i - base);
            evidence.branch(index, site + length + displacement);
        }
    }

    /** Per candidate range: the one function seen branching into it and how often, or that several were. */
    private static final class Evidence {
        private static final int NOBODY = -1;
        private static final int SEVERAL = -2;

        private final List<CodeRange> ranges;
        private final long[] starts;
        private final long lowest;
        private final long highest;
        private final int[] owner;
        private final int[] sites;

        Evidence(List<CodeRange> ranges) {
            this.ranges = ranges;
            this.starts = ranges.stream().mapToLong(CodeRange::start).toArray();
            this.lowest = starts[0];
            this.highest = ranges.get(ranges.size() - 1).end();
            this.owner = new int[ranges.size()];
            this.sites = new int[ranges.size()];
            Arrays.fill(owner, NOBODY);
        }

        void branch(int function, long target) {
            if (Long.compareUnsigned(target, lowest) < 0 || Long.compareUnsigned(target, highest) >= 0) {
                return;
            }
            int range = lastStartingAtOrBefore(target);
            if (range < 0 || !ranges.get(range).contains(target)) {
                return;
            }
            if (owner[range] == NOBODY) {
                owner[range] = function;
                sites[range] = 1;
            } else if (owner[range] == function) {
                sites[range]++;
            } else {
                owner[range] = SEVERAL;
            }
        }

        ColdParts attributed(List<FunctionSymbol> functions) {
            List<CodeRange> named = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            for (int r = 0; r < ranges.size(); r++) {
                if (owner[r] >= 0 && sites[r] >= SITES_REQUIRED) {
                    named.add(ranges.get(r));
                    owners.add(functions.get(owner[r]).name());
                }
            }
            return ColdParts.of(named, owners);
        }

        private int lastStartingAtOrBefore(long address) {
            int low = 0;
            int high = starts.length - 1;
            int found = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (Long.compareUnsigned(starts[middle], address) <= 0) {
                    found = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return found;
        }
    }
}
