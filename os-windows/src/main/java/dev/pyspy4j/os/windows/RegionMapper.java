// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.spi.process.MemoryRegion;
import java.util.ArrayList;
import java.util.List;

/**
 * The memory map of a process: its committed regions, walked with {@code VirtualQueryEx} from address 0 until the
 * call says there are no more, each named after the loaded module it belongs to. Reserved and free ranges are left
 * out (nothing can be read there). The walk stops when a region does not move it forward, so a broken answer
 * cannot make it loop.
 */
final class RegionMapper {
    /** {@code PAGE_GUARD}: the first touch raises an exception in the target; never read, so not readable. */
    static final int PAGE_GUARD = 0x100;
    private static final int MAX_REGIONS = 1 << 20;

    private RegionMapper() {
    }

    static List<MemoryRegion> regions(WindowsCalls calls, long process, List<ModuleEntry> modules) {
        List<MemoryRegion> regions = new ArrayList<>();
        long address = 0;
        while (regions.size() < MAX_REGIONS) {
            byte[] answer = calls.virtualQueryEx(process, address);
            if (answer.length == 0) {
                return regions;
            }
            MemoryBasicInformation region = MemoryBasicInformation.decode(answer);
            long end = region.end();
            if (Long.compareUnsigned(end, address) <= 0 || Long.compareUnsigned(region.baseAddress(), end) >= 0) {
                return regions;
            }
            if (region.isCommitted()) {
                regions.add(toRegion(region, modules));
            }
            address = end;
        }
        return regions;
    }

    private static MemoryRegion toRegion(MemoryBasicInformation region, List<ModuleEntry> modules) {
        ModuleEntry module = modules.stream().filter(candidate -> candidate.contains(region.baseAddress()))
                .findFirst().orElse(null);
        // For an image the offset is the region's RVA, where PE addresses point, not a position in the file.
        long offset = module == null ? 0 : region.baseAddress() - module.base();
        return new MemoryRegion(region.baseAddress(), region.end(), permissions(region.protect(), region.type()),
                offset, module == null ? "" : module.path());
    }

    /** {@code rwxp}-style flags from a {@code PAGE_*} protection ({@code winnt.h}); {@code s} for mapped views. */
    static String permissions(int protect, int type) {
        boolean guarded = (protect & PAGE_GUARD) != 0;
        String access = switch (protect & 0xff) {
            case 0x02 -> "r--"; // PAGE_READONLY
            case 0x04, 0x08 -> "rw-"; // PAGE_READWRITE, PAGE_WRITECOPY
            case 0x10 -> "--x"; // PAGE_EXECUTE
            case 0x20 -> "r-x"; // PAGE_EXECUTE_READ
            case 0x40, 0x80 -> "rwx"; // PAGE_EXECUTE_READWRITE, PAGE_EXECUTE_WRITECOPY
            default -> "---"; // PAGE_NOACCESS and anything unknown
        };
        if (guarded) {
            access = "-" + access.substring(1);
        }
        return access + (type == MemoryBasicInformation.MEM_MAPPED ? 's' : 'p');
    }
}
