// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists modules and threads through Toolhelp32 snapshots ({@code tlhelp32.h}), closing each snapshot whatever
 * happens. The walk is bounded, so a snapshot that never reports its end cannot hold the sampler.
 */
final class Toolhelp {
    /** {@code TH32CS_SNAPTHREAD}: every thread of the system; the pid argument is ignored. */
    static final int TH32CS_SNAPTHREAD = 0x4;
    /** {@code TH32CS_SNAPMODULE}: the modules of one process (64-bit ones, from a 64-bit caller). */
    static final int TH32CS_SNAPMODULE = 0x8;
    /** {@code ERROR_BAD_LENGTH}: a module snapshot raced the loader of the target; asking again helps. */
    static final int ERROR_BAD_LENGTH = 24;

    private static final int MAX_ENTRIES = 1 << 20;
    private static final int MODULE_SNAPSHOT_ATTEMPTS = 3;

    private Toolhelp() {
    }

    static List<ModuleEntry> modules(WindowsCalls calls, long pid) {
        long snapshot = moduleSnapshot(calls, pid);
        try {
            List<ModuleEntry> modules = new ArrayList<>();
            byte[] entry = calls.module32First(snapshot);
            while (entry != null && modules.size() < MAX_ENTRIES) {
                modules.add(ModuleEntry.decode(entry));
                entry = calls.module32Next(snapshot);
            }
            return modules;
        } finally {
            calls.closeHandle(snapshot);
        }
    }

    /** The ids of the threads whose owner is {@code pid}, in snapshot order. */
    static List<Long> threadIds(WindowsCalls calls, long pid) {
        long snapshot = calls.createToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
        try {
            List<Long> threads = new ArrayList<>();
            byte[] entry = calls.thread32First(snapshot);
            for (int seen = 0; entry != null && seen < MAX_ENTRIES; seen++) {
                ThreadEntry thread = ThreadEntry.decode(entry);
                if (thread.ownerProcessId() == pid) {
                    threads.add(thread.threadId());
                }
                entry = calls.thread32Next(snapshot);
            }
            return threads;
        } finally {
            calls.closeHandle(snapshot);
        }
    }

    private static long moduleSnapshot(WindowsCalls calls, long pid) {
        for (int attempt = 1; ; attempt++) {
            try {
                return calls.createToolhelp32Snapshot(TH32CS_SNAPMODULE, pid);
            } catch (WindowsCallException e) {
                if (!e.isWin32(ERROR_BAD_LENGTH) || attempt == MODULE_SNAPSHOT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
