// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.symbols;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The mappings of a process that can hold named code: mapped files and the vDSO, sorted by address for a binary
 * search. Anonymous memory (JIT code, heap, stacks) is left out: no symbol table describes it.
 */
final class MappedModules {
    static final String VDSO = "[vdso]";

    private final List<MemoryRegion> regions;
    private final long[] starts;

    private MappedModules(List<MemoryRegion> regions) {
        this.regions = regions;
        this.starts = regions.stream().mapToLong(MemoryRegion::start).toArray();
    }

    static MappedModules of(List<MemoryRegion> allRegions) {
        return new MappedModules(allRegions.stream()
                .filter(region -> region.isFileBacked() || region.path().equals(VDSO))
                .sorted(Comparator.comparing(MemoryRegion::start, Long::compareUnsigned))
                .toList());
    }

    static MappedModules empty() {
        return new MappedModules(List.of());
    }

    /** The mapping that holds {@code address}. */
    Optional<MemoryRegion> regionAt(long address) {
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
        return found >= 0 && regions.get(found).contains(address) ? Optional.of(regions.get(found)) : Optional.empty();
    }

    /** Every mapping of the file at {@code path}, which the load bias is computed from. */
    List<MemoryRegion> mappingsOf(String path) {
        return regions.stream().filter(region -> region.path().equals(path)).toList();
    }
}
