// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link WindowsCalls} that replays results written by hand: one process with its modules, threads, regions,
 * memory and command line, laid out by {@link WindowsStructs} as Windows lays them out. Nothing here was recorded on
 * a real Windows. It logs every call in order, tracks every handle it gave out until it is closed, and fails the
 * next call of a function when told to.
 */
final class ScriptedWindowsCalls implements WindowsCalls {
    static final long BUFFER_ADDRESS = 0x0000_01d0_0000_0000L;

    final List<String> log = new ArrayList<>();
    final long pid;
    final List<byte[]> modules = new ArrayList<>();
    final List<byte[]> threads = new ArrayList<>();
    final List<byte[]> regions = new ArrayList<>();
    final TreeMap<Long, byte[]> memory = new TreeMap<>();
    final Map<Long, Integer> openErrors = new HashMap<>();
    /** The CONTEXT of each thread that OpenThread opens, by thread id; other ids are threads that ended. */
    final Map<Long, byte[]> contexts = new HashMap<>();
    /** VirtualQueryEx answers for exact addresses, ahead of {@link #regions}: to script answers no walk expects. */
    final Map<Long, byte[]> queryAnswers = new HashMap<>();
    String imagePath = "C:\\Python313\\python.exe";
    String commandLine = "\"C:\\Python313\\python.exe\" app.py";
    byte[] systemInformation = new byte[0];
    int exitCode = WindowsErrors.STILL_ACTIVE;

    private final Set<Long> openHandles = new LinkedHashSet<>();
    private final Map<String, Deque<WindowsCallException>> failures = new HashMap<>();
    private final Map<Long, Iterator<byte[]>> snapshots = new HashMap<>();
    private final Map<Long, Long> threadHandles = new HashMap<>();
    private long nextHandle = 0x100;

    ScriptedWindowsCalls(long pid) {
        this.pid = pid;
    }

    /** Makes the next call of {@code function} fail with {@code failure}. */
    ScriptedWindowsCalls failNext(String function, WindowsCallException failure) {
        failures.computeIfAbsent(function, unused -> new ArrayDeque<>()).add(failure);
        return this;
    }

    Set<Long> openHandles() {
        return openHandles;
    }

    /** The calls logged, by function name only. */
    List<String> functions() {
        return log.stream().map(entry -> entry.split(" ")[0]).toList();
    }

    @Override
    public long openProcess(int desiredAccess, long pid) {
        record("OpenProcess " + pid + " access 0x" + Integer.toHexString(desiredAccess));
        if (openErrors.containsKey(pid)) {
            throw WindowsCallException.win32("OpenProcess", openErrors.get(pid));
        }
        if (pid != this.pid) {
            throw WindowsCallException.win32("OpenProcess", WindowsErrors.ERROR_INVALID_PARAMETER);
        }
        return newHandle();
    }

    @Override
    public void closeHandle(long handle) {
        record("CloseHandle 0x" + Long.toHexString(handle));
        if (!openHandles.remove(handle)) {
            throw WindowsCallException.win32("CloseHandle", WindowsErrors.ERROR_INVALID_HANDLE);
        }
        snapshots.remove(handle);
    }

    @Override
    public void readProcessMemory(long process, long address, byte[] target, int offset, int length) {
        record("ReadProcessMemory 0x" + Long.toHexString(address) + " " + length);
        requireHandle(process, "ReadProcessMemory");
        Map.Entry<Long, byte[]> mapped = memory.floorEntry(address);
        if (mapped == null || address - mapped.getKey() + length > mapped.getValue().length) {
            throw WindowsCallException.win32("ReadProcessMemory", WindowsErrors.ERROR_PARTIAL_COPY);
        }
        System.arraycopy(mapped.getValue(), (int) (address - mapped.getKey()), target, offset, length);
    }

    @Override
    public byte[] virtualQueryEx(long process, long address) {
        record("VirtualQueryEx 0x" + Long.toHexString(address));
        requireHandle(process, "VirtualQueryEx");
        if (queryAnswers.containsKey(address)) {
            return queryAnswers.get(address);
        }
        for (byte[] region : regions) {
            MemoryBasicInformation info = MemoryBasicInformation.decode(region);
            if (Long.compareUnsigned(info.end(), address) > 0 || info.end() == 0) {
                return region;
            }
        }
        return new byte[0];
    }

    @Override
    public long createToolhelp32Snapshot(int flags, long pid) {
        record("CreateToolhelp32Snapshot 0x" + Integer.toHexString(flags) + " " + pid);
        long handle = newHandle();
        snapshots.put(handle, new ArrayList<>(flags == Toolhelp.TH32CS_SNAPMODULE ? modules : threads).iterator());
        return handle;
    }

    @Override
    public byte[] module32First(long snapshot) {
        return next("Module32FirstW", snapshot);
    }

    @Override
    public byte[] module32Next(long snapshot) {
        return next("Module32NextW", snapshot);
    }

    @Override
    public byte[] thread32First(long snapshot) {
        return next("Thread32First", snapshot);
    }

    @Override
    public byte[] thread32Next(long snapshot) {
        return next("Thread32Next", snapshot);
    }

    @Override
    public String queryFullProcessImageName(long process) {
        record("QueryFullProcessImageNameW");
        requireHandle(process, "QueryFullProcessImageNameW");
        return imagePath;
    }

    @Override
    public QueriedBytes ntQueryInformationProcess(long process, int infoClass) {
        record("NtQueryInformationProcess " + infoClass);
        requireHandle(process, "NtQueryInformationProcess");
        return new QueriedBytes(BUFFER_ADDRESS, WindowsStructs.unicodeString(BUFFER_ADDRESS, commandLine));
    }

    @Override
    public QueriedBytes ntQuerySystemInformation(int infoClass) {
        record("NtQuerySystemInformation " + infoClass);
        return new QueriedBytes(BUFFER_ADDRESS, systemInformation);
    }

    @Override
    public void ntSuspendProcess(long process) {
        record("NtSuspendProcess");
        requireHandle(process, "NtSuspendProcess");
    }

    @Override
    public void ntResumeProcess(long process) {
        record("NtResumeProcess");
        requireHandle(process, "NtResumeProcess");
    }

    @Override
    public long openThread(int desiredAccess, long tid) {
        record("OpenThread " + tid + " access 0x" + Integer.toHexString(desiredAccess));
        if (!contexts.containsKey(tid)) {
            throw WindowsCallException.win32("OpenThread", WindowsErrors.ERROR_INVALID_PARAMETER);
        }
        long handle = newHandle();
        threadHandles.put(handle, tid);
        return handle;
    }

    @Override
    public byte[] getThreadContext(long thread) {
        record("GetThreadContext");
        requireHandle(thread, "GetThreadContext");
        return contexts.get(threadHandles.get(thread));
    }

    @Override
    public int getExitCodeProcess(long process) {
        record("GetExitCodeProcess");
        requireHandle(process, "GetExitCodeProcess");
        return exitCode;
    }

    private byte[] next(String function, long snapshot) {
        record(function);
        requireHandle(snapshot, function);
        Iterator<byte[]> entries = snapshots.get(snapshot);
        return entries.hasNext() ? entries.next() : null;
    }

    private void record(String call) {
        log.add(call);
        Deque<WindowsCallException> pending = failures.get(call.split(" ")[0]);
        if (pending != null && !pending.isEmpty()) {
            throw pending.poll();
        }
    }

    private void requireHandle(long handle, String function) {
        if (!openHandles.contains(handle)) {
            throw WindowsCallException.win32(function, WindowsErrors.ERROR_INVALID_HANDLE);
        }
    }

    private long newHandle() {
        long handle = nextHandle;
        nextHandle += 4;
        openHandles.add(handle);
        return handle;
    }
}
