// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

/**
 * The Windows system calls and library functions the provider uses, one method each, in plain values and byte
 * arrays: handles are {@code long}s, structures come back as the bytes the call wrote, laid out as the Windows SDK's
 * headers say, and are decoded by this package's small decoder classes. Every failure is a
 * {@link WindowsCallException} carrying the function's name and its error code ({@code GetLastError()}) or NTSTATUS.
 *
 * <p>Two implementations: {@code dev.pyspy4j.os.windows.jna.JnaWindowsCalls}, which calls Windows through JNA, and
 * the tests' scripted one, which replays results written by hand. Keeping every decision (which module is the
 * interpreter, what a region's permissions are, which thread idles, which error means what) out of the
 * implementations lets the tests check all of it on any system.
 */
public interface WindowsCalls {
    /** {@code OpenProcess(desiredAccess, FALSE, pid)}: a process handle. */
    long openProcess(int desiredAccess, long pid);

    /** {@code CloseHandle}. */
    void closeHandle(long handle);

    /**
     * {@code ReadProcessMemory}: copies {@code length} bytes from {@code address} into {@code target} at
     * {@code offset}. All or nothing: a partial copy fails with {@code ERROR_PARTIAL_COPY} (299).
     */
    void readProcessMemory(long process, long address, byte[] target, int offset, int length);

    /**
     * {@code VirtualQueryEx}: the {@code MEMORY_BASIC_INFORMATION} (48 bytes on x64) of the region holding
     * {@code address}; an empty array when {@code address} lies beyond the last region of the user address space.
     */
    byte[] virtualQueryEx(long process, long address);

    /** {@code CreateToolhelp32Snapshot(flags, pid)}: a snapshot handle, closed with {@link #closeHandle}. */
    long createToolhelp32Snapshot(int flags, long pid);

    /** {@code Module32FirstW}: the {@code MODULEENTRY32W} bytes, or {@code null} when there is none. */
    byte[] module32First(long snapshot);

    /** {@code Module32NextW}: the next {@code MODULEENTRY32W}, or {@code null} after the last one. */
    byte[] module32Next(long snapshot);

    /** {@code Thread32First}: the {@code THREADENTRY32} bytes, or {@code null} when there is none. */
    byte[] thread32First(long snapshot);

    /** {@code Thread32Next}: the next {@code THREADENTRY32}, or {@code null} after the last one. */
    byte[] thread32Next(long snapshot);

    /** {@code QueryFullProcessImageNameW(process, 0, ...)}: the executable's Win32 path. */
    String queryFullProcessImageName(long process);

    /**
     * {@code NtQueryInformationProcess(process, infoClass, ...)} with a buffer as large as the call asks for: the
     * bytes it wrote and the address the buffer had, since the structures it returns point into themselves.
     */
    QueriedBytes ntQueryInformationProcess(long process, int infoClass);

    /** {@code NtQuerySystemInformation(infoClass, ...)}, with a buffer grown until the answer fits. */
    QueriedBytes ntQuerySystemInformation(int infoClass);

    /** {@code NtSuspendProcess} (ntdll): suspends every thread of the process. */
    void ntSuspendProcess(long process);

    /** {@code NtResumeProcess} (ntdll): undoes one {@link #ntSuspendProcess}. */
    void ntResumeProcess(long process);

    /** {@code OpenThread(desiredAccess, FALSE, tid)}: a thread handle. */
    long openThread(int desiredAccess, long tid);

    /**
     * {@code GetThreadContext} with {@code ContextFlags = CONTEXT_CONTROL | CONTEXT_INTEGER}: the x64
     * {@code CONTEXT} (1232 bytes) of a suspended thread.
     */
    byte[] getThreadContext(long thread);

    /** {@code GetExitCodeProcess}: {@code STILL_ACTIVE} (259) while the process runs. */
    int getExitCodeProcess(long process);

    /**
     * Bytes an NT query wrote and the address they were written at.
     *
     * @param address where the buffer was in this process, to resolve pointers that lead into it
     * @param bytes   the bytes written (the whole buffer up to the length the call returned)
     */
    record QueriedBytes(long address, byte[] bytes) {
    }
}
