// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.elf;

import static dev.pyspy4j.binaries.elf.ElfConstants.ET_EXEC;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The load bias of an ELF file in a process: what to add to an address recorded in the file
 * ({@code p_vaddr}, {@code sh_addr}, {@code st_value}) to get its run-time address.
 *
 * <p>The rule: take the first {@code PT_LOAD} program header; the loader maps it with
 * {@code mmap(bias + PAGE_DOWN(p_vaddr), ..., MAP_PRIVATE, fd, PAGE_DOWN(p_offset))} (ld.so's
 * {@code _dl_map_segments}, the kernel's {@code elf_map}), so the mapping whose file offset is the
 * page-aligned {@code p_offset} starts at {@code bias + PAGE_DOWN(p_vaddr)}. This class computes the
 * same value without assuming a page size, from a mapping {@code m} of the file that covers file
 * offset {@code p_offset}: {@code bias = m.start + (p_offset - m.fileOffset) - p_vaddr}. Both forms agree
 * because the gABI requires {@code p_vaddr ≡ p_offset (mod page size)}.
 *
 * <p>A non-PIE executable ({@code ET_EXEC}) is mapped at its link addresses, so its bias comes out 0
 * (and is 0 even without mappings); a PIE executable or shared object ({@code ET_DYN}) is linked at 0 and
 * its bias is where it was mapped.
 *
 * <p>The process may also map the file itself (an ELF reader's {@code mmap}, a second {@code dlopen}
 * in another namespace), so among the mappings covering that offset the first by address wins whose
 * bias the executable segments confirm (an executable mapping holds each {@code PF_X} segment at
 * {@code bias + p_vaddr}); failing that, the first private one; failing that, the first.
 */
final class LoadBias {
    private LoadBias() {
    }

    static long of(ElfFile elf, List<MemoryRegion> mappingsOfThatFile) {
        ElfProgramHeader firstLoad = elf.programHeaders().stream()
                .filter(ElfProgramHeader::isLoadable)
                .findFirst()
                .orElseThrow(() -> ElfReader.malformed(elf.fileName(), "no PT_LOAD program header"));
        List<MemoryRegion> candidates = mappingsOfThatFile.stream()
                .filter(region -> covers(region, firstLoad.p_offset))
                .sorted(Comparator.comparing(MemoryRegion::start, Long::compareUnsigned))
                .toList();
        Optional<MemoryRegion> chosen = first(candidates, region -> confirmed(elf, mappingsOfThatFile,
                biasFrom(region, firstLoad)))
                .or(() -> first(candidates, region -> region.permissions().endsWith("p")))
                .or(() -> first(candidates, region -> true));
        if (chosen.isPresent()) {
            return biasFrom(chosen.get(), firstLoad);
        }
        if (elf.header().e_type == ET_EXEC) {
            // binfmt_elf maps ET_EXEC at its p_vaddr (load_bias = 0), so no mapping is needed to know it.
            return 0;
        }
        throw ElfReader.malformed(elf.fileName(), String.format("no mapping of the file covers file offset 0x%x"
                + " of its first PT_LOAD (the file may have been replaced since the process mapped it)",
                firstLoad.p_offset));
    }

    private static long biasFrom(MemoryRegion region, ElfProgramHeader load) {
        return region.start() + (load.p_offset - region.fileOffset()) - load.p_vaddr;
    }

    /** Whether every executable segment sits in an executable mapping at {@code bias + p_vaddr}. */
    private static boolean confirmed(ElfFile elf, List<MemoryRegion> mappings, long bias) {
        return elf.programHeaders().stream()
                .filter(load -> load.isLoadable() && load.isExecutable())
                .allMatch(load -> mappings.stream().anyMatch(region -> region.isExecutable()
                        && covers(region, load.p_offset) && biasFrom(region, load) == bias));
    }

    private static boolean covers(MemoryRegion region, long fileOffset) {
        long distance = fileOffset - region.fileOffset();
        return Long.compareUnsigned(region.fileOffset(), fileOffset) <= 0
                && Long.compareUnsigned(distance, region.size()) < 0;
    }

    private static <T> Optional<T> first(List<T> items, Predicate<T> condition) {
        return items.stream().filter(condition).findFirst();
    }
}
