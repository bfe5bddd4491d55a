// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.stack;

import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The memory map of a target as an unwinder needs it: which mapping holds an address (executable code for return
 * addresses, the stack for the stack pointer). Read once and kept until {@link #refresh()}; an address no mapping
 * holds makes it re-read the map at most once per {@link #newUnwind() unwind}, since a library may have been loaded.
 */
public final class AddressSpace {
    private final TargetProcess process;
    private MemoryRegion[] regions;
    private boolean reReadThisUnwind;

    public AddressSpace(TargetProcess process) {
        this.process = process;
    }

    /** Marks the start of an unwind: one more re-read of the map is allowed. */
    public void newUnwind() {
        reReadThisUnwind = false;
    }

    /** Forgets the map; the next lookup reads it again. */
    public void refresh() {
        regions = null;
    }

    /** The mapping holding {@code address}. */
    public Optional<MemoryRegion> regionOf(long address) {
        MemoryRegion found = find(address);
        if (found == null && !reReadThisUnwind && regions != null) {
            reReadThisUnwind = true;
            regions = null;
            found = find(address);
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code address} lies in executable memory: a plausible return address. */
    public boolean isExecutable(long address) {
        return regionOf(address).map(MemoryRegion::isExecutable).orElse(false);
    }

    /** Every mapping of the file at {@code path}. */
    public List<MemoryRegion> mappingsOf(String path) {
        return List.of(regions()).stream().filter(region -> region.path().equals(path)).toList();
    }

    private MemoryRegion find(long address) {
        MemoryRegion[] all = regions();
        int low = 0;
        int high = all.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            MemoryRegion region = all[middle];
            if (Long.compareUnsigned(address, region.start()) < 0) {
                high = middle - 1;
            } else if (Long.compareUnsigned(address, region.end()) >= 0) {
                low = middle + 1;
            } else {
                return region;
            }
        }
        return null;
    }

    private MemoryRegion[] regions() {
        if (regions == null) {
            regions = process.regions().stream()
                    .sorted(Comparator.comparing(MemoryRegion::start, Long::compareUnsigned))
                    .toArray(MemoryRegion[]::new);
        }
        return regions;
    }
}
