// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.calls.VmRegion;
import dev.pyspy4j.os.macos.decode.VmRegionBasicInfo64;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The memory map of a task, as {@code vmmap} lists it: {@code mach_vm_region} from address 0, each call asking for
 * the first region at or after the end of the previous one, with the mapped file's path from
 * {@code proc_regionfilename}. The walk ends when the kernel reports no further region, when an answer does not move
 * forward (so a confused answer cannot loop), or after {@link #MAX_REGIONS}.
 */
final class MachRegions {
    static final int MAX_REGIONS = 1 << 20;

    private MachRegions() {
    }

    static List<MemoryRegion> read(MacCalls calls, int task, long pid, MachFailures failures) {
        List<MemoryRegion> regions = new ArrayList<>();
        long address = 0;
        while (regions.size() < MAX_REGIONS) {
            Optional<VmRegion> found;
            try {
                found = calls.machVmRegion(task, address);
            } catch (MachCallException e) {
                throw failures.of(e, FailureKind.MEMORY_READ, "read the memory map");
            }
            if (found.isEmpty()) {
                break;
            }
            VmRegion region = found.get();
            long start = region.address();
            long end = start + region.size();
            if (Long.compareUnsigned(start, address) < 0 || Long.compareUnsigned(end, start) <= 0) {
                break;
            }
            VmRegionBasicInfo64 info = VmRegionBasicInfo64.decode(region.basicInfo());
            regions.add(new MemoryRegion(start, end, info.permissions(), info.offset(),
                    calls.procRegionFilename((int) pid, start)));
            address = end;
        }
        return List.copyOf(regions);
    }
}
