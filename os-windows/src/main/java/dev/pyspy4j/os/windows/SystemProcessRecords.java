// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes what {@code NtQuerySystemInformation(SystemProcessInformation)} writes: a chain of variable-length
 * {@code SYSTEM_PROCESS_INFORMATION} records, each followed by {@code NumberOfThreads}
 * {@code SYSTEM_THREAD_INFORMATION} entries. Layouts for x64 from phnt's {@code ntexapi.h} (the same fields as
 * ReactOS's and Wine's {@code winternl.h}):
 *
 * <ul>
 *   <li>{@code SYSTEM_PROCESS_INFORMATION}: {@code NextEntryOffset} at 0 (0 ends the chain, else the next record's
 *       offset from this one's start), {@code NumberOfThreads} 4, ..., {@code ImageName} (a {@code UNICODE_STRING})
 *       0x38, {@code BasePriority} 0x48, {@code UniqueProcessId} 0x50, ..., the six {@code IO_COUNTERS} fields end
 *       at 0x100, where {@code Threads[]} start;</li>
 *   <li>{@code SYSTEM_THREAD_INFORMATION}: {@code KernelTime}, {@code UserTime}, {@code CreateTime},
 *       {@code WaitTime} (+ padding), {@code StartAddress} 0x20, {@code ClientId} 0x28 ({@code UniqueProcess},
 *       then {@code UniqueThread} at 0x30), {@code Priority} 0x38, {@code BasePriority} 0x3c,
 *       {@code ContextSwitches} 0x40, {@code ThreadState} 0x44, {@code WaitReason} 0x48; 0x50 bytes with padding.</li>
 * </ul>
 *
 * <p>The chain can neither loop nor overlap: every next record must start after this one's thread entries, and
 * every record and entry must lie inside the buffer, else the buffer is malformed.
 */
final class SystemProcessRecords {
    static final int PROCESS_RECORD_SIZE = 0x100;
    static final int THREAD_RECORD_SIZE = 0x50;

    private static final int NUMBER_OF_THREADS = 4;
    private static final int UNIQUE_PROCESS_ID = 0x50;
    private static final int UNIQUE_THREAD = 0x30;
    private static final int THREAD_STATE = 0x44;
    private static final int WAIT_REASON = 0x48;

    private SystemProcessRecords() {
    }

    /** One process of the buffer with its threads. */
    record ProcessThreads(long processId, List<SystemThread> threads) {
    }

    /** One thread: its id, {@code KTHREAD_STATE} and {@code KWAIT_REASON}. */
    record SystemThread(long threadId, int state, int waitReason) {
    }

    /** Every record of the chain, in buffer order. */
    static List<ProcessThreads> decode(byte[] buffer) {
        StructBytes bytes = new StructBytes(buffer, "SYSTEM_PROCESS_INFORMATION");
        List<ProcessThreads> processes = new ArrayList<>();
        if (buffer.length == 0) {
            return processes;
        }
        long offset = 0;
        while (true) {
            bytes.require(offset, PROCESS_RECORD_SIZE, "process record");
            long threadCount = bytes.u32(offset + NUMBER_OF_THREADS, "NumberOfThreads");
            long recordEnd = offset + PROCESS_RECORD_SIZE + threadCount * THREAD_RECORD_SIZE;
            bytes.require(offset + PROCESS_RECORD_SIZE, threadCount * THREAD_RECORD_SIZE,
                    threadCount + " thread entries of the process record");
            processes.add(new ProcessThreads(bytes.u64(offset + UNIQUE_PROCESS_ID, "UniqueProcessId"),
                    threads(bytes, offset + PROCESS_RECORD_SIZE, (int) threadCount)));
            long next = bytes.u32(offset, "NextEntryOffset");
            if (next == 0) {
                return processes;
            }
            if (offset + next < recordEnd) {
                throw bytes.malformed("NextEntryOffset " + next + " at offset " + offset
                        + " leads back into the record it ends (which needs " + (recordEnd - offset) + " bytes)");
            }
            offset += next;
        }
    }

    /** The threads of process {@code pid}, or empty when the buffer does not list it (it exited). */
    static Optional<List<SystemThread>> threadsOf(byte[] buffer, long pid) {
        return decode(buffer).stream().filter(process -> process.processId() == pid).findFirst()
                .map(ProcessThreads::threads);
    }

    private static List<SystemThread> threads(StructBytes bytes, long start, int count) {
        List<SystemThread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long entry = start + (long) i * THREAD_RECORD_SIZE;
            threads.add(new SystemThread(bytes.u64(entry + UNIQUE_THREAD, "ClientId.UniqueThread"),
                    (int) bytes.u32(entry + THREAD_STATE, "ThreadState"),
                    (int) bytes.u32(entry + WAIT_REASON, "WaitReason")));
        }
        return threads;
    }
}
