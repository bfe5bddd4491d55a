// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd.kinfo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the bytes FreeBSD's kernel returns, laid out as sys/sys/user.h and sys/x86/include/reg.h declare them on
 * amd64. The offsets are written out here from the headers, not taken from the decoders, so that a wrong offset in
 * a decoder fails its tests.
 */
public final class KinfoBytes {
    private KinfoBytes() {
    }

    /** One {@code struct kinfo_vmentry} cut after the path's NUL and rounded up to 8 bytes, as pack_kinfo does. */
    public static byte[] packedVmentry(int type, long start, long end, long offset, int flags, int protection,
                                       String path) {
        byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
        int size = (136 + pathBytes.length + 1 + 7) / 8 * 8;
        return vmentry(size, type, start, end, offset, flags, protection, pathBytes);
    }

    /** One whole {@code struct kinfo_vmentry} (KINFO_VMENTRY_SIZE, 1160 bytes), as old kernels return it. */
    public static byte[] fullVmentry(int type, long start, long end, long offset, int flags, int protection,
                                     String path) {
        return vmentry(1160, type, start, end, offset, flags, protection, path.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] vmentry(int size, int type, long start, long end, long offset, int flags, int protection,
                                  byte[] path) {
        ByteBuffer record = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(0, size);           // kve_structsize
        record.putInt(4, type);           // kve_type
        record.putLong(8, start);         // kve_start
        record.putLong(16, end);          // kve_end
        record.putLong(24, offset);       // kve_offset
        record.putLong(32, 0x1234);       // kve_vn_fileid
        record.putInt(44, flags);         // kve_flags
        record.putInt(48, 7);             // kve_resident
        record.putInt(56, protection);    // kve_protection
        record.putInt(60, 1);             // kve_ref_count
        record.putInt(68, 1);             // kve_vn_type (VREG)
        record.putLong(72, 4096);         // kve_vn_size
        record.put(136, path);            // kve_path, NUL-terminated by the zeroed rest
        return record.array();
    }

    /** The records of one sysctl value, one after the other. */
    public static byte[] concat(List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** One {@code struct kinfo_proc} (KINFO_PROC_SIZE, 1088 bytes on amd64). */
    public static byte[] kinfoProc(int pid, int tid, int state, String command, String threadName, String waitMessage,
                                   int tracer, int threadCount) {
        ByteBuffer record = ByteBuffer.allocate(1088).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(0, 1088);           // ki_structsize
        record.putInt(72, pid);           // ki_pid
        record.putInt(76, 1);             // ki_ppid
        record.put(388, (byte) state);    // ki_stat
        byte[] name = threadName.getBytes(StandardCharsets.UTF_8);
        int inTdname = Math.min(name.length, 16);
        record.put(394, name, 0, inTdname);                                // ki_tdname[17]
        record.put(502, name, inTdname, Math.min(name.length - inTdname, 3)); // ki_moretdname[4]
        putString(record, 411, waitMessage, 8);                            // ki_wmesg[9]
        putString(record, 447, command, 19);                               // ki_comm[20]
        record.putInt(576, tracer);       // ki_tracer
        record.putInt(596, threadCount);  // ki_numthreads
        record.putInt(600, tid);          // ki_tid
        return record.array();
    }

    /** amd64's {@code struct reg} (struct __reg64) with the given values by DWARF number (rax, rdx, rcx, rbx, ...). */
    public static byte[] amdRegisters(long[] dwarf) {
        ByteBuffer reg = ByteBuffer.allocate(176).order(ByteOrder.LITTLE_ENDIAN);
        reg.putLong(0, dwarf[15]);   // r_r15
        reg.putLong(8, dwarf[14]);   // r_r14
        reg.putLong(16, dwarf[13]);  // r_r13
        reg.putLong(24, dwarf[12]);  // r_r12
        reg.putLong(32, dwarf[11]);  // r_r11
        reg.putLong(40, dwarf[10]);  // r_r10
        reg.putLong(48, dwarf[9]);   // r_r9
        reg.putLong(56, dwarf[8]);   // r_r8
        reg.putLong(64, dwarf[5]);   // r_rdi
        reg.putLong(72, dwarf[4]);   // r_rsi
        reg.putLong(80, dwarf[6]);   // r_rbp
        reg.putLong(88, dwarf[3]);   // r_rbx
        reg.putLong(96, dwarf[1]);   // r_rdx
        reg.putLong(104, dwarf[2]);  // r_rcx
        reg.putLong(112, dwarf[0]);  // r_rax
        reg.putInt(120, 12);         // r_trapno
        reg.putLong(136, dwarf[16]); // r_rip
        reg.putLong(144, 0x43);      // r_cs
        reg.putLong(152, 0x202);     // r_rflags
        reg.putLong(160, dwarf[7]);  // r_rsp
        reg.putLong(168, 0x3b);      // r_ss
        return reg.array();
    }

    private static void putString(ByteBuffer record, int offset, String text, int maxLength) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        record.put(offset, bytes, 0, Math.min(bytes.length, maxLength));
    }
}
