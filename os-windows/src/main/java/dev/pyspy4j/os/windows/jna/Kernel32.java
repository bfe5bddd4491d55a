// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows.jna;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;

/**
 * The kernel32 functions the provider calls, as the Windows SDK declares them ({@code processthreadsapi.h},
 * {@code memoryapi.h}, {@code tlhelp32.h}, {@code handleapi.h}, {@code winbase.h}). x64 has one calling convention,
 * so a plain {@link Library} binds them; handles and {@code SIZE_T}s are 64-bit {@code long}s, {@code BOOL}s
 * {@code int}s. Errors are read with {@code Native.getLastError()}, which JNA saves after every call.
 */
interface Kernel32 extends Library {
    long OpenProcess(int dwDesiredAccess, int bInheritHandle, int dwProcessId);

    int CloseHandle(long hObject);

    int ReadProcessMemory(long hProcess, long lpBaseAddress, Pointer lpBuffer, long nSize,
                          LongByReference lpNumberOfBytesRead);

    long VirtualQueryEx(long hProcess, long lpAddress, byte[] lpBuffer, long dwLength);

    long CreateToolhelp32Snapshot(int dwFlags, int th32ProcessID);

    int Module32FirstW(long hSnapshot, byte[] lpme);

    int Module32NextW(long hSnapshot, byte[] lpme);

    int Thread32First(long hSnapshot, byte[] lpte);

    int Thread32Next(long hSnapshot, byte[] lpte);

    int QueryFullProcessImageNameW(long hProcess, int dwFlags, char[] lpExeName, IntByReference lpdwSize);

    long OpenThread(int dwDesiredAccess, int bInheritHandle, int dwThreadId);

    int GetThreadContext(long hThread, Pointer lpContext);

    int GetExitCodeProcess(long hProcess, IntByReference lpExitCode);
}
