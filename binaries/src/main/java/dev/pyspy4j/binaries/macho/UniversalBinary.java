// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.binaries.macho;

import dev.pyspy4j.binaries.BoundedBytes;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code fat_header} and {@code fat_arch} (or {@code fat_arch_64}) table of a universal binary
 * ({@code <mach-o/fat.h>}): big-endian whatever the slices' byte order, each entry naming a CPU type and where its
 * thin image lies in the file.
 */
final class UniversalBinary {
    static final long FAT_MAGIC = 0xcafe_babeL;
    static final long FAT_MAGIC_64 = 0xcafe_babfL;
    private static final int HEADER_SIZE = 8;
    private static final int ARCH_SIZE = 20;
    private static final int ARCH_64_SIZE = 32;

    /** One {@code fat_arch}: the CPU type and the bytes of the thin image built for it. */
    record Slice(int cpuType, int cpuSubtype, long offset, long size) {
    }

    private UniversalBinary() {
    }

    /** Whether the file starts with a universal binary's magic number. */
    static boolean isUniversal(BoundedBytes bytes) {
        if (bytes.size() < 4) {
            return false;
        }
        long magic = bytes.withOrder(ByteOrder.BIG_ENDIAN).u32(0, "magic number");
        return magic == FAT_MAGIC || magic == FAT_MAGIC_64;
    }

    /** The slices in table order; the count is checked against the file's size before any is read. */
    static List<Slice> slices(BoundedBytes file) {
        BoundedBytes bytes = file.withOrder(ByteOrder.BIG_ENDIAN);
        boolean wide = bytes.u32(0, "fat_header") == FAT_MAGIC_64;
        long count = bytes.u32(4, "fat_header");
        int entrySize = wide ? ARCH_64_SIZE : ARCH_SIZE;
        bytes.requireTable(HEADER_SIZE, count, entrySize, "fat_arch table");
        List<Slice> slices = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            long at = HEADER_SIZE + (long) i * entrySize;
            int cpuType = (int) bytes.u32(at, "fat_arch");
            int cpuSubtype = (int) bytes.u32(at + 4, "fat_arch");
            long offset = wide ? bytes.u64(at + 8, "fat_arch_64") : bytes.u32(at + 8, "fat_arch");
            long size = wide ? bytes.u64(at + 16, "fat_arch_64") : bytes.u32(at + 12, "fat_arch");
            slices.add(new Slice(cpuType, cpuSubtype, offset, size));
        }
        return slices;
    }

    /** The slice built for {@code cpu}, the first if several claim it. */
    static Optional<Slice> sliceFor(BoundedBytes file, MachOCpu cpu) {
        return slices(file).stream().filter(slice -> slice.cpuType() == cpu.cpuType()).findFirst();
    }
}
