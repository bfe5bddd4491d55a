// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind.jna;

/**
 * The functions of {@code libunwind-ptrace.so.0}: the accessors that let libunwind read another process's memory
 * and registers with ptrace. Bound by JNA direct mapping in {@link Libunwind}. Use {@link Libunwind}.
 */
final class LibunwindPtrace {
    private LibunwindPtrace() {
    }

    /** {@code void *_UPT_create(pid_t pid)}: the accessors' state for one thread; 0 when out of memory. */
    static native long _UPT_create(int tid);

    /** {@code void _UPT_destroy(void *arg)}. */
    static native void _UPT_destroy(long state);
}
