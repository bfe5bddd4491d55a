// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos.decode;

import java.nio.ByteBuffer;

/**
 * {@code struct vm_region_basic_info_64} from xnu's {@code osfmk/mach/vm_region.h}, declared inside
 * {@code #pragma pack(push, 4)}, so the 64-bit {@code offset} sits at byte 20, unaligned:
 * <pre>
 *  0 vm_prot_t protection        4 vm_prot_t max_protection   8 vm_inherit_t inheritance
 * 12 boolean_t shared           16 boolean_t reserved         20 memory_object_offset_t offset (8 bytes)
 * 28 vm_behavior_t behavior     32 unsigned short user_wired_count        (36 bytes, COUNT_64 = 9 words)
 * </pre>
 *
 * @param protection the current {@code VM_PROT_*} bits
 * @param shared     whether the memory is shared with other tasks
 * @param offset     the offset of the region's start in the object (file) mapped there
 */
public record VmRegionBasicInfo64(int protection, boolean shared, long offset) {
    /** {@code VM_REGION_BASIC_INFO_64}, the flavor passed to {@code mach_vm_region}. */
    public static final int FLAVOR = 9;
    /** {@code VM_REGION_BASIC_INFO_COUNT_64}: the size in 32-bit words. */
    public static final int COUNT = 9;
    public static final int SIZE = COUNT * 4;
    /** {@code VM_PROT_READ}, {@code VM_PROT_WRITE}, {@code VM_PROT_EXECUTE} of {@code osfmk/mach/vm_prot.h}. */
    public static final int VM_PROT_READ = 1;
    public static final int VM_PROT_WRITE = 2;
    public static final int VM_PROT_EXECUTE = 4;

    /** Decodes the structure; MALFORMED_INPUT when fewer than {@link #SIZE} bytes came back. */
    public static VmRegionBasicInfo64 decode(byte[] bytes) {
        ByteBuffer buffer = StructBytes.of(bytes, SIZE, "vm_region_basic_info_64");
        return new VmRegionBasicInfo64(buffer.getInt(0), buffer.getInt(12) != 0, buffer.getLong(20));
    }

    /** The {@code rwxp}/{@code rwxs} flags {@code /proc/<pid>/maps} would show for the region. */
    public String permissions() {
        return new String(new char[] {
            (protection & VM_PROT_READ) != 0 ? 'r' : '-',
            (protection & VM_PROT_WRITE) != 0 ? 'w' : '-',
            (protection & VM_PROT_EXECUTE) != 0 ? 'x' : '-',
            shared ? 's' : 'p'});
    }
}
