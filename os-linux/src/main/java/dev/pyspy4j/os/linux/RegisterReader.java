// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.pyspy4j.os.linux.jna.Errno;
import dev.pyspy4j.os.linux.jna.LinuxCalls;
import dev.pyspy4j.os.linux.jna.NativeCallException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.nativestack.Registers;
import java.util.Optional;

/**
 * Reads the general-purpose registers of a ptrace-stopped x86_64 thread with {@code PTRACE_GETREGSET} /
 * {@code NT_PRSTATUS} and renumbers them the DWARF way. The kernel fills a {@code struct user_regs_struct}
 * (sys/user.h): 27 longs in the order r15 r14 r13 r12 rbp rbx r11 r10 r9 r8 rax rcx rdx rsi rdi orig_rax rip cs
 * eflags rsp ss fs_base gs_base ds es fs gs. One reader holds one native buffer, reused on every call; it is used
 * by the tracer thread only. The buffer is freed when the reader is collected, not by an explicit close, because
 * the pauser that owns it may be closed from another thread while the tracer still reads.
 */
final class RegisterReader {
    /** {@code NT_PRSTATUS} (elf.h): the note type of the general-purpose register set. */
    private static final int NT_PRSTATUS = 1;
    private static final int USER_REGS_LONGS = 27;
    private static final int USER_REGS_BYTES = USER_REGS_LONGS * Long.BYTES;

    /** For each DWARF number 0..16, the index of that register in {@code user_regs_struct}. */
    private static final int[] USER_REGS_INDEX_OF_DWARF = {
        10, // 0 rax
        12, // 1 rdx
        11, // 2 rcx
        5,  // 3 rbx
        13, // 4 rsi
        14, // 5 rdi
        4,  // 6 rbp
        19, // 7 rsp
        9,  // 8 r8
        8,  // 9 r9
        7,  // 10 r10
        6,  // 11 r11
        3,  // 12 r12
        2,  // 13 r13
        1,  // 14 r14
        0,  // 15 r15
        16, // 16 rip
    };

    /** The iovec (16 bytes) followed by the register buffer it points to. */
    private final Memory buffer = new Memory(LinuxCalls.IOVEC_SIZE + USER_REGS_BYTES);

    /**
     * The registers of {@code tid}, which must be stopped by this thread's ptrace. Empty when the thread is gone
     * (it was killed while stopped) or is not traced by the calling thread.
     */
    Optional<Registers> read(int tid) {
        long regs = Pointer.nativeValue(buffer) + LinuxCalls.IOVEC_SIZE;
        buffer.setLong(0, regs);
        buffer.setLong(8, USER_REGS_BYTES);
        try {
            LinuxCalls.ptraceGetRegset(tid, NT_PRSTATUS, Pointer.nativeValue(buffer));
        } catch (NativeCallException e) {
            if (e.errno() == Errno.ESRCH) {
                return Optional.empty();
            }
            throw e;
        }
        if (buffer.getLong(8) < USER_REGS_BYTES) {
            // A 32-bit (compat) thread gets the shorter i386 set, which these DWARF numbers do not describe.
            return Optional.empty();
        }
        return Optional.of(toDwarf(buffer.getLongArray(LinuxCalls.IOVEC_SIZE, USER_REGS_LONGS)));
    }

    /** Renumbers a {@code user_regs_struct}'s 27 values by DWARF register number. */
    static Registers toDwarf(long[] userRegs) {
        long[] dwarf = new long[Registers.X86_64_COUNT];
        for (int number = 0; number < dwarf.length; number++) {
            dwarf[number] = userRegs[USER_REGS_INDEX_OF_DWARF[number]];
        }
        return new Registers(TargetArch.X86_64, dwarf);
    }
}
