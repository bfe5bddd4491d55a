// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.VmEntry;
import dev.pyspy4j.spi.process.MemoryRegion;

/**
 * A kern.proc.vmmap entry as the SPI's {@link MemoryRegion}: {@code rwx} from {@code kve_protection}, {@code p}
 * for a copy-on-write (private) mapping and {@code s} for a shared one, the file's path, {@code [stack]} for a
 * mapping that grows down (the main thread's stack has no file and no other name), empty for other anonymous memory.
 */
final class RegionMapping {
    private RegionMapping() {
    }

    static MemoryRegion of(VmEntry entry) {
        String permissions = new String(new char[] {
            (entry.protection() & VmEntry.KVME_PROT_READ) != 0 ? 'r' : '-',
            (entry.protection() & VmEntry.KVME_PROT_WRITE) != 0 ? 'w' : '-',
            (entry.protection() & VmEntry.KVME_PROT_EXEC) != 0 ? 'x' : '-',
            (entry.flags() & VmEntry.KVME_FLAG_COW) != 0 ? 'p' : 's',
        });
        String path = entry.path();
        if (path.isEmpty() && (entry.flags() & VmEntry.KVME_FLAG_GROWS_DOWN) != 0) {
            path = "[stack]";
        }
        return new MemoryRegion(entry.start(), entry.end(), permissions, entry.offset(), path);
    }
}
