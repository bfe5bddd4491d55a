// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.binaries.elf.ElfFile;
import dev.pyspy4j.binaries.elf.ElfSectionHeader;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.unwinders.cfi.CallFrameTable;
import dev.pyspy4j.unwinders.cfi.UnwindRow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The DWARF unwinder on the captured threads with the fixture binary's {@code .eh_frame} damaged (bytes overwritten,
 * mostly inside the entries the stacks use). Where the damaged table is malformed at a frame, the stack must be the
 * true one up to that frame and end there saying so; where the table still reads as before, the stack must be the
 * true one; where it reads differently but well-formed, nothing can tell the frames are wrong, but the unwinder must
 * still return only executable addresses and never fail.
 */
class MalformedTableUnwindTest {
    private static CapturedThreads fixture;
    private static byte[] pristineBytes;
    private static ElfSectionHeader ehFrame;
    private static List<int[]> usedEntries;
    private static Map<Long, NativeStack> truth;

    @BeforeContainer
    static void load() throws Exception {
        fixture = CapturedThreads.load("static-o2");
        pristineBytes = Files.readAllBytes(fixture.binary());
        ElfFile pristine = ElfFile.parse(ByteBuffer.wrap(pristineBytes), "pristine");
        ehFrame = pristine.section(".eh_frame").orElseThrow();
        truth = new java.util.HashMap<>();
        List<Long> lookups = new ArrayList<>();
        try (NativeUnwinder unwinder = new DwarfUnwinderProvider().open(fixture.process())) {
            for (CapturedThreads.Thread thread : usable()) {
                NativeStack stack = unwinder.unwind(thread.tid(), thread.registers(), 128);
                truth.put(thread.tid(), stack);
                for (int i = 0; i < stack.size(); i++) {
                    lookups.add(lookupPc(stack, i));
                }
            }
        }
        usedEntries = entriesCovering(lookups);
        assertThat(usedEntries).isNotEmpty();
    }

    /** The threads without a signal frame, whose every caller is looked up at its return address minus one. */
    private static List<CapturedThreads.Thread> usable() {
        return fixture.threads().stream()
                .filter(thread -> !thread.expected().contains("<signal-handler-called>")).toList();
    }

    private static long lookupPc(NativeStack stack, int index) {
        return index == 0 ? stack.address(0) : stack.address(index) - 1;
    }

    record Damage(boolean insideUsedEntry, double where, byte value) {
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        return Combinators.combine(Arbitraries.of(true, true, true, false), Arbitraries.doubles().between(0, 1),
                Arbitraries.bytes()).as(Damage::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 60)
    void aDamagedTableNeverInventsFrames(@ForAll("damages") List<Damage> damages) throws IOException {
        byte[] damaged = pristineBytes.clone();
        for (Damage damage : damages) {
            damaged[positionOf(damage)] = damage.value();
        }
        Path file = Files.createTempFile("damaged-fixture", "");
        try {
            Files.write(file, damaged);
            CallFrameTable pristineTable = CallFrameTable.of(ElfFile.parse(ByteBuffer.wrap(pristineBytes), "p"));
            CallFrameTable damagedTable = CallFrameTable.of(ElfFile.parse(ByteBuffer.wrap(damaged), "d"));
            CapturedProcess process = new CapturedProcess(fixture.memory(), fixture.process().regions(),
                    Map.of(fixture.binaryPathInTarget(), file));
            try (NativeUnwinder unwinder = new DwarfUnwinderProvider().open(process)) {
                for (CapturedThreads.Thread thread : usable()) {
                    NativeStack expected = truth.get(thread.tid());
                    NativeStack actual = unwinder.unwind(thread.tid(), thread.registers(), 128);
                    Statistics.collect(check(expected, actual, pristineTable, damagedTable, process.regions()));
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    /** Checks one stack; returns which case it was, for the statistics jqwik reports. */
    private static String check(NativeStack expected, NativeStack actual, CallFrameTable pristine,
                              CallFrameTable damaged, List<MemoryRegion> regions) {
        for (int i = 0; i < expected.size(); i++) {
            long pc = lookupPc(expected, i);
            Optional<UnwindRow> damagedRow;
            try {
                damagedRow = damaged.rowAt(pc);
            } catch (SpyException e) {
                assertThat(e.kind()).isEqualTo(FailureKind.MALFORMED_INPUT);
                assertThat(actual.addresses()).containsExactly(Arrays.copyOf(expected.addresses(), i + 1));
                assertThat(actual.endedEarlyBecause()).get().asString().contains("malformed call-frame information");
                return "malformed at frame " + Math.min(i, 3) + (i > 3 ? "+" : "");
            }
            if (!damagedRow.equals(pristine.rowAt(pc))) {
                assertThat(actual.size()).isBetween(1, 128);
                for (int j = 1; j < actual.size(); j++) {
                    long address = actual.address(j);
                    assertThat(regions).anySatisfy(region -> assertThat(region.contains(address - 1)
                            && region.isExecutable()).isTrue());
                }
                return "well-formed but different";
            }
        }
        assertThat(actual).isEqualTo(expected);
        return "unchanged for this stack";
    }

    private static int positionOf(Damage damage) {
        if (damage.insideUsedEntry()) {
            int[] entry = usedEntries.get((int) (damage.where() * usedEntries.size() * 0.999));
            double within = (damage.where() * usedEntries.size()) % 1.0;
            return (int) ehFrame.sh_offset + entry[0] + (int) (within * (entry[1] - entry[0] - 1));
        }
        return (int) (ehFrame.sh_offset + (long) (damage.where() * (ehFrame.sh_size - 1)));
    }

    /**
     * The byte ranges (in {@code .eh_frame}) of the FDEs covering {@code pcs} and of their CIEs, found by walking the
     * entries: a 4-byte length, a 4-byte CIE pointer (0 in a CIE), and in this binary's FDEs a pc-relative 4-byte
     * start and a 4-byte length.
     */
    private static List<int[]> entriesCovering(List<Long> pcs) {
        ByteBuffer section = ByteBuffer.wrap(pristineBytes, (int) ehFrame.sh_offset, (int) ehFrame.sh_size).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> entries = new ArrayList<>();
        int offset = 0;
        while (offset + 8 <= section.limit()) {
            int length = section.getInt(offset);
            if (length == 0) {
                break;
            }
            int id = section.getInt(offset + 4);
            if (id != 0) {
                long start = ehFrame.sh_addr + offset + 8 + section.getInt(offset + 8);
                long end = start + (section.getInt(offset + 12) & 0xffffffffL);
                if (pcs.stream().anyMatch(pc -> pc >= start && pc < end)) {
                    entries.add(new int[] {offset, offset + 4 + length});
                    int cie = offset + 4 - id;
                    entries.add(new int[] {cie, cie + 4 + section.getInt(cie)});
                }
            }
            offset += 4 + length;
        }
        return entries;
    }
}
