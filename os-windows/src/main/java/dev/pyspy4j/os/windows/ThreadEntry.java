// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

/**
 * One thread of the system from a {@code THREADENTRY32} that {@code Thread32First}/{@code Next} wrote (Windows SDK
 * {@code tlhelp32.h}, {@code tagTHREADENTRY32}, the same on x86 and x64): {@code dwSize} 0, {@code cntUsage} 4,
 * {@code th32ThreadID} 8, {@code th32OwnerProcessID} 12, {@code tpBasePri} 16, {@code tpDeltaPri} 20,
 * {@code dwFlags} 24; 28 bytes. A thread snapshot lists every thread of the system, whatever pid it was asked for.
 */
record ThreadEntry(long threadId, long ownerProcessId) {
    static final int SIZE = 28;

    static ThreadEntry decode(byte[] bytes) {
        StructBytes struct = new StructBytes(bytes, "THREADENTRY32");
        if (struct.size() < SIZE) {
            throw struct.malformed(struct.size() + " bytes, not " + SIZE);
        }
        return new ThreadEntry(struct.u32(8, "th32ThreadID"), struct.u32(12, "th32OwnerProcessID"));
    }
}
