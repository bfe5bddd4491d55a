// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes kern.proc.vmmap's value: {@code struct kinfo_vmentry} records (sys/sys/user.h) packed one after the other,
 * each {@code kve_structsize} bytes long. The kernel truncates each record after the NUL of {@code kve_path} and
 * rounds it up to 8 bytes (kern_proc.c's {@code pack_kinfo}), so only the fixed part before the path has a fixed
 * layout. amd64 offsets: structsize 0, type 4, start 8, end 16, offset 24, flags 44, protection 56, path 136.
 */
public final class KinfoVmentries {
    /** {@code offsetof(struct kinfo_vmentry, kve_path)}: the fixed part every record has. */
    public static final int PATH_OFFSET = 136;
    /** {@code sizeof(struct kinfo_vmentry)} (KINFO_VMENTRY_SIZE), the size of an unpacked record. */
    public static final int FULL_SIZE = 1160;

    private KinfoVmentries() {
    }

    /** @param what names the value in messages, e.g. {@code kern.proc.vmmap.42} */
    public static List<VmEntry> decode(byte[] bytes, String what) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<VmEntry> entries = new ArrayList<>();
        int position = 0;
        while (position < bytes.length) {
            if (bytes.length - position < 4) {
                throw MalformedRecords.of(what, "trailing " + (bytes.length - position) + " bytes at offset "
                        + position);
            }
            int size = buffer.getInt(position);
            if (size <= PATH_OFFSET || size > FULL_SIZE) {
                throw MalformedRecords.of(what, "record at offset " + position + " has size " + size
                        + ", not between " + (PATH_OFFSET + 1) + " and " + FULL_SIZE);
            }
            if (size > bytes.length - position) {
                throw MalformedRecords.of(what, "record at offset " + position + " of " + size
                        + " bytes runs past the end (" + bytes.length + " bytes)");
            }
            entries.add(entry(bytes, buffer, position, size, what));
            position += size;
        }
        return List.copyOf(entries);
    }

    private static VmEntry entry(byte[] bytes, ByteBuffer buffer, int at, int size, String what) {
        long start = buffer.getLong(at + 8);
        long end = buffer.getLong(at + 16);
        if (Long.compareUnsigned(end, start) <= 0) {
            throw MalformedRecords.of(what, String.format("record at offset %d ends (0x%x) before it starts (0x%x)",
                    at, end, start));
        }
        int pathStart = at + PATH_OFFSET;
        int nul = pathStart;
        while (nul < at + size && bytes[nul] != 0) {
            nul++;
        }
        if (nul == at + size) {
            throw MalformedRecords.of(what, "the path of the record at offset " + at + " has no terminating NUL");
        }
        String path = new String(bytes, pathStart, nul - pathStart, StandardCharsets.UTF_8);
        return new VmEntry(buffer.getInt(at + 4), start, end, buffer.getLong(at + 24), buffer.getInt(at + 44),
                buffer.getInt(at + 56), path);
    }
}
