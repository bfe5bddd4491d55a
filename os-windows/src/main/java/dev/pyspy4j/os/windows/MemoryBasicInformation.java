// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

/**
 * One {@code MEMORY_BASIC_INFORMATION} that {@code VirtualQueryEx} wrote, x64 layout (Windows SDK {@code winnt.h},
 * {@code _MEMORY_BASIC_INFORMATION}): {@code BaseAddress} at 0, {@code AllocationBase} 8, {@code AllocationProtect}
 * 16, {@code PartitionId} 20 (a WORD, then padding), {@code RegionSize} 24, {@code State} 32, {@code Protect} 36,
 * {@code Type} 40, padding to 48 bytes.
 */
record MemoryBasicInformation(long baseAddress, long allocationBase, long regionSize, int state, int protect,
                              int type) {
    static final int SIZE = 48;

    /** {@code MEM_COMMIT}: pages backed by memory or a file, the only ones a read can succeed on. */
    static final int MEM_COMMIT = 0x1000;
    /** {@code MEM_IMAGE}: a view of an executable image (an exe or a DLL the loader mapped). */
    static final int MEM_IMAGE = 0x1000000;
    /** {@code MEM_MAPPED}: a view of a section (a mapped data file or shared memory). */
    static final int MEM_MAPPED = 0x40000;

    static MemoryBasicInformation decode(byte[] bytes) {
        StructBytes struct = new StructBytes(bytes, "MEMORY_BASIC_INFORMATION");
        if (struct.size() < SIZE) {
            throw struct.malformed(struct.size() + " bytes, not " + SIZE);
        }
        return new MemoryBasicInformation(struct.u64(0, "BaseAddress"), struct.u64(8, "AllocationBase"),
                struct.u64(24, "RegionSize"), (int) struct.u32(32, "State"), (int) struct.u32(36, "Protect"),
                (int) struct.u32(40, "Type"));
    }

    boolean isCommitted() {
        return state == MEM_COMMIT;
    }

    /** The first address after the region; 0 when it would wrap past the top of the address space. */
    long end() {
        return baseAddress + regionSize;
    }
}
