// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import dev.pyspy4j.os.windows.WindowsCallException;
import dev.pyspy4j.os.windows.WindowsCalls;

/**
 * {@link WindowsCalls} through JNA. The libraries bind on the first {@link #instance()}, which only the provider's
 * Windows paths reach. Structures are handed over as the bytes Windows wrote; the sizes set in {@code dwSize} are the
 * x64 sizes of {@code tlhelp32.h}'s structures.
 */
public final class JnaWindowsCalls implements WindowsCalls {
    private static final long INVALID_HANDLE_VALUE = -1;
    private static final int ERROR_NO_MORE_FILES = 18;
    private static final int ERROR_INVALID_PARAMETER = 87;
    private static final int ERROR_INSUFFICIENT_BUFFER = 122;
    private static final int STATUS_INFO_LENGTH_MISMATCH = 0xC0000004;
    private static final int STATUS_BUFFER_TOO_SMALL = 0xC0000023;
    private static final int MEMORY_BASIC_INFORMATION_SIZE = 48;
    private static final int MODULEENTRY32W_SIZE = 1080;
    private static final int THREADENTRY32_SIZE = 28;
    private static final int CONTEXT_SIZE = 0x4d0;
    private static final int CONTEXT_FLAGS_OFFSET = 0x30;
    /** {@code CONTEXT_AMD64 | CONTEXT_CONTROL | CONTEXT_INTEGER}. */
    private static final int CONTEXT_CONTROL_AND_INTEGER = 0x100003;
    /** Paths longer than MAX_PATH exist with long-path support; 32767 WCHARs is the NT limit. */
    private static final int MAX_LONG_PATH = 32767;
    private static final int MAX_QUERY_ATTEMPTS = 8;

    private final Kernel32 kernel32;
    private final Ntdll ntdll;

    private JnaWindowsCalls() {
        this.kernel32 = Native.load("kernel32", Kernel32.class);
        this.ntdll = Native.load("ntdll", Ntdll.class);
    }

    /** The bindings, made on first use. */
    public static JnaWindowsCalls instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final JnaWindowsCalls INSTANCE = new JnaWindowsCalls();
    }

    @Override
    public long openProcess(int desiredAccess, long pid) {
        long handle = kernel32.OpenProcess(desiredAccess, 0, (int) pid);
        if (handle == 0) {
            throw lastError("OpenProcess");
        }
        return handle;
    }

    @Override
    public void closeHandle(long handle) {
        if (kernel32.CloseHandle(handle) == 0) {
            throw lastError("CloseHandle");
        }
    }

    @Override
    public void readProcessMemory(long process, long address, byte[] target, int offset, int length) {
        try (Memory buffer = new Memory(length)) {
            LongByReference read = new LongByReference();
            if (kernel32.ReadProcessMemory(process, address, buffer, length, read) == 0) {
                throw lastError("ReadProcessMemory");
            }
            buffer.read(0, target, offset, length);
        }
    }

    @Override
    public byte[] virtualQueryEx(long process, long address) {
        byte[] info = new byte[MEMORY_BASIC_INFORMATION_SIZE];
        long written = kernel32.VirtualQueryEx(process, address, info, info.length);
        if (written == 0) {
            int error = Native.getLastError();
            if (error == ERROR_INVALID_PARAMETER) {
                return new byte[0]; // past the last region of the user address space
            }
            throw WindowsCallException.win32("VirtualQueryEx", error);
        }
        return info;
    }

    @Override
    public long createToolhelp32Snapshot(int flags, long pid) {
        long snapshot = kernel32.CreateToolhelp32Snapshot(flags, (int) pid);
        if (snapshot == INVALID_HANDLE_VALUE) {
            throw lastError("CreateToolhelp32Snapshot");
        }
        return snapshot;
    }

    @Override
    public byte[] module32First(long snapshot) {
        return snapshotEntry("Module32FirstW", MODULEENTRY32W_SIZE, snapshot, kernel32::Module32FirstW);
    }

    @Override
    public byte[] module32Next(long snapshot) {
        return snapshotEntry("Module32NextW", MODULEENTRY32W_SIZE, snapshot, kernel32::Module32NextW);
    }

    @Override
    public byte[] thread32First(long snapshot) {
        return snapshotEntry("Thread32First", THREADENTRY32_SIZE, snapshot, kernel32::Thread32First);
    }

    @Override
    public byte[] thread32Next(long snapshot) {
        return snapshotEntry("Thread32Next", THREADENTRY32_SIZE, snapshot, kernel32::Thread32Next);
    }

    @Override
    public String queryFullProcessImageName(long process) {
        int capacity = 1024;
        while (true) {
            char[] name = new char[capacity];
            IntByReference size = new IntByReference(capacity);
            if (kernel32.QueryFullProcessImageNameW(process, 0, name, size) != 0) {
                return new String(name, 0, size.getValue());
            }
            int error = Native.getLastError();
            if (error != ERROR_INSUFFICIENT_BUFFER || capacity >= MAX_LONG_PATH) {
                throw WindowsCallException.win32("QueryFullProcessImageNameW", error);
            }
            capacity = Math.min(MAX_LONG_PATH + 1, capacity * 4);
        }
    }

    @Override
    public QueriedBytes ntQueryInformationProcess(long process, int infoClass) {
        return growing("NtQueryInformationProcess", 1024, (buffer, returned) ->
                ntdll.NtQueryInformationProcess(process, infoClass, buffer, (int) buffer.size(), returned));
    }

    @Override
    public QueriedBytes ntQuerySystemInformation(int infoClass) {
        return growing("NtQuerySystemInformation", 1 << 20, (buffer, returned) ->
                ntdll.NtQuerySystemInformation(infoClass, buffer, (int) buffer.size(), returned));
    }

    @Override
    public void ntSuspendProcess(long process) {
        check("NtSuspendProcess", ntdll.NtSuspendProcess(process));
    }

    @Override
    public void ntResumeProcess(long process) {
        check("NtResumeProcess", ntdll.NtResumeProcess(process));
    }

    @Override
    public long openThread(int desiredAccess, long tid) {
        long handle = kernel32.OpenThread(desiredAccess, 0, (int) tid);
        if (handle == 0) {
            throw lastError("OpenThread");
        }
        return handle;
    }

    /** The CONTEXT must be 16-byte aligned ({@code DECLSPEC_ALIGN(16)} in {@code winnt.h}). */
    @Override
    public byte[] getThreadContext(long thread) {
        try (Memory buffer = new Memory(CONTEXT_SIZE + 16)) {
            Pointer context = buffer.align(16);
            context.clear(CONTEXT_SIZE);
            context.setInt(CONTEXT_FLAGS_OFFSET, CONTEXT_CONTROL_AND_INTEGER);
            if (kernel32.GetThreadContext(thread, context) == 0) {
                throw lastError("GetThreadContext");
            }
            return context.getByteArray(0, CONTEXT_SIZE);
        }
    }

    @Override
    public int getExitCodeProcess(long process) {
        IntByReference code = new IntByReference();
        if (kernel32.GetExitCodeProcess(process, code) == 0) {
            throw lastError("GetExitCodeProcess");
        }
        return code.getValue();
    }

    private interface NtQuery {
        int call(Memory buffer, IntByReference returned);
    }

    /** Calls {@code query} with a buffer grown to the length it asks for, which may grow between attempts. */
    private static QueriedBytes growing(String function, int initialSize, NtQuery query) {
        long size = initialSize;
        for (int attempt = 0; attempt < MAX_QUERY_ATTEMPTS; attempt++) {
            try (Memory buffer = new Memory(size)) {
                IntByReference returned = new IntByReference();
                int status = query.call(buffer, returned);
                if (status >= 0) {
                    int length = (int) Math.min(buffer.size(), Integer.toUnsignedLong(returned.getValue()));
                    return new QueriedBytes(Pointer.nativeValue(buffer), buffer.getByteArray(0, length));
                }
                if (status != STATUS_INFO_LENGTH_MISMATCH && status != STATUS_BUFFER_TOO_SMALL) {
                    throw WindowsCallException.ntStatus(function, status);
                }
                // the answer grows while we ask (processes and threads start): leave room
                size = Math.max(size * 2, Integer.toUnsignedLong(returned.getValue()) + (64 << 10));
            }
        }
        throw WindowsCallException.ntStatus(function, STATUS_INFO_LENGTH_MISMATCH);
    }

    private interface SnapshotWalk {
        int call(long snapshot, byte[] entry);
    }

    /**
     * The next entry of a Toolhelp32 snapshot, or {@code null} at its end ({@code ERROR_NO_MORE_FILES}); the entry's
     * {@code dwSize}, its first field, must say how large the caller's structure is.
     */
    private static byte[] snapshotEntry(String function, int size, long snapshot, SnapshotWalk walk) {
        byte[] entry = new byte[size];
        entry[0] = (byte) size;
        entry[1] = (byte) (size >>> 8);
        if (walk.call(snapshot, entry) != 0) {
            return entry;
        }
        int error = Native.getLastError();
        if (error == ERROR_NO_MORE_FILES) {
            return null;
        }
        throw WindowsCallException.win32(function, error);
    }

    private static void check(String function, int status) {
        if (status < 0) {
            throw WindowsCallException.ntStatus(function, status);
        }
    }

    private static WindowsCallException lastError(String function) {
        return WindowsCallException.win32(function, Native.getLastError());
    }
}
