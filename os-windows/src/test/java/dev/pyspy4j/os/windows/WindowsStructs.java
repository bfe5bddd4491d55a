// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the structures Windows hands back, byte for byte as the headers lay them out for x64 (the offsets are
 * written here independently of the decoders, from the same headers), for the tests' scripted calls.
 */
final class WindowsStructs {
    private WindowsStructs() {
    }

    /** {@code MEMORY_BASIC_INFORMATION} ({@code winnt.h}). */
    static byte[] memoryBasicInformation(long base, long allocationBase, long size, int state, int protect,
                                         int type) {
        ByteBuffer bytes = little(48);
        bytes.putLong(0, base).putLong(8, allocationBase).putInt(16, protect).putShort(20, (short) 0)
                .putLong(24, size).putInt(32, state).putInt(36, protect).putInt(40, type);
        return bytes.array();
    }

    /** {@code MODULEENTRY32W} ({@code tlhelp32.h}). */
    static byte[] moduleEntry(long pid, long base, long size, String path) {
        ByteBuffer bytes = little(1080);
        bytes.putInt(0, 1080).putInt(4, 1).putInt(8, (int) pid).putInt(12, 0xffff).putInt(16, 0xffff)
                .putLong(24, base).putInt(32, (int) size).putLong(40, base);
        putWide(bytes, 48, path.substring(path.lastIndexOf('\\') + 1));
        putWide(bytes, 560, path);
        return bytes.array();
    }

    /** {@code THREADENTRY32} ({@code tlhelp32.h}). */
    static byte[] threadEntry(long tid, long ownerPid) {
        ByteBuffer bytes = little(28);
        bytes.putInt(0, 28).putInt(8, (int) tid).putInt(12, (int) ownerPid).putInt(16, 8);
        return bytes.array();
    }

    /**
     * An x64 {@code CONTEXT} ({@code winnt.h}) holding {@code rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp, r8..r15, rip}
     * in that order, the {@code Rax}..{@code R15} fields at 0x78..0xf0 in the header's order (rax, rcx, rdx, rbx,
     * rsp, rbp, rsi, rdi, r8..r15), {@code Rip} at 0xf8.
     */
    static byte[] context(long rax, long rbx, long rcx, long rdx, long rsi, long rdi, long rbp, long rsp, long r8,
                          long rip) {
        ByteBuffer bytes = little(0x4d0);
        bytes.putInt(0x30, 0x100003);
        bytes.putLong(0x78, rax).putLong(0x80, rcx).putLong(0x88, rdx).putLong(0x90, rbx).putLong(0x98, rsp)
                .putLong(0xa0, rbp).putLong(0xa8, rsi).putLong(0xb0, rdi);
        for (int r = 0; r < 8; r++) {
            bytes.putLong(0xb8 + 8 * r, r8 + r);
        }
        bytes.putLong(0xf8, rip);
        return bytes.array();
    }

    /** A {@code UNICODE_STRING} at the start of a buffer written at {@code address}, its text right after it. */
    static byte[] unicodeString(long address, String text) {
        byte[] chars = text.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer bytes = little(16 + chars.length + 2);
        bytes.putShort(0, (short) chars.length).putShort(2, (short) (chars.length + 2)).putLong(8, address + 16);
        bytes.put(16, chars);
        return bytes.array();
    }

    /** One process of a {@code SystemProcessInformation} answer. */
    record Process(long pid, String imageName, List<Thread> threads) {
    }

    /** One {@code SYSTEM_THREAD_INFORMATION}. */
    record Thread(long tid, int state, int waitReason) {
    }

    /**
     * A {@code SystemProcessInformation} answer as the kernel writes it ({@code ntexapi.h}): each
     * {@code SYSTEM_PROCESS_INFORMATION} (0x100 bytes), its threads (0x50 bytes each), then its image name's
     * characters, padded to 8 bytes; {@code NextEntryOffset} leads past all of that, 0 in the last record.
     */
    static byte[] systemProcessInformation(List<Process> processes) {
        int total = 0;
        for (Process process : processes) {
            total += recordSize(process);
        }
        ByteBuffer bytes = little(total);
        int offset = 0;
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            int size = recordSize(process);
            bytes.putInt(offset, i == processes.size() - 1 ? 0 : size);
            bytes.putInt(offset + 4, process.threads().size());
            int threadsEnd = offset + 0x100 + 0x50 * process.threads().size();
            byte[] name = process.imageName().getBytes(StandardCharsets.UTF_16LE);
            bytes.putShort(offset + 0x38, (short) name.length).putShort(offset + 0x3a, (short) (name.length + 2))
                    .putLong(offset + 0x40, 0x10000L + threadsEnd);
            bytes.put(threadsEnd, name);
            bytes.putInt(offset + 0x48, 8);
            bytes.putLong(offset + 0x50, process.pid());
            bytes.putLong(offset + 0x58, 4);
            for (int t = 0; t < process.threads().size(); t++) {
                Thread thread = process.threads().get(t);
                int entry = offset + 0x100 + 0x50 * t;
                bytes.putLong(entry + 0x20, 0x7ff7_0000_1000L);
                bytes.putLong(entry + 0x28, process.pid()).putLong(entry + 0x30, thread.tid());
                bytes.putInt(entry + 0x38, 8).putInt(entry + 0x3c, 8).putInt(entry + 0x40, 1234);
                bytes.putInt(entry + 0x44, thread.state()).putInt(entry + 0x48, thread.waitReason());
            }
            offset += size;
        }
        return bytes.array();
    }

    private static int recordSize(Process process) {
        int nameBytes = process.imageName().getBytes(StandardCharsets.UTF_16LE).length + 2;
        return 0x100 + 0x50 * process.threads().size() + (nameBytes + 7) / 8 * 8;
    }

    private static void putWide(ByteBuffer bytes, int offset, String text) {
        bytes.put(offset, text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
