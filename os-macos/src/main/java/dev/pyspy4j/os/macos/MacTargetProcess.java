// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.binaries.macho.MachOCpu;
import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.decode.ProcArgs2;
import dev.pyspy4j.os.macos.decode.ThreadExtendedInfo;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.ProcessMemory;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A macOS process opened through its task port. Owns the port and gives it back on {@link #close}, after resuming
 * every pause still open, so that the target is never left stopped.
 */
final class MacTargetProcess implements TargetProcess {
    /**
     * The distance from a {@code pthread_t} to the TSD base the kernel reports as the thread's handle: the offset of
     * {@code tsd} in libpthread's {@code struct _pthread}, the value py-spy uses on every macOS it supports.
     */
    static final long PTHREAD_TSD_OFFSET = 224;

    private final MacCalls calls;
    private final long pid;
    private final int task;
    private final String executablePath;
    private final MachFailures failures;
    private final MachProcessMemory memory;
    private final MachOImages images;
    private final TargetArch machineArch;
    private final Set<PauseHandle> openPauses = new LinkedHashSet<>();
    private TargetArch arch;
    private boolean closed;

    MacTargetProcess(MacCalls calls, long pid, int task, String executablePath, TargetArch machineArch) {
        this.calls = calls;
        this.pid = pid;
        this.task = task;
        this.executablePath = executablePath;
        this.failures = new MachFailures(calls, pid);
        this.memory = new MachProcessMemory(calls, task, pid, failures);
        this.images = new MachOImages(this::regions, memory, MachOCpus.cpu(machineArch));
        this.machineArch = machineArch;
    }

    @Override
    public long pid() {
        return pid;
    }

    /** macOS on the architecture of the program's mapped header (x86_64 under Rosetta on an arm64 Mac). */
    @Override
    public synchronized Platform platform() {
        if (arch == null) {
            arch = MachOImageHeaders.textRegion(regions(), executablePath)
                    .flatMap(text -> MachOCpus.ofMappedHeader(memory, text.start()))
                    .map(MachOCpus::arch).orElse(machineArch);
        }
        return new Platform(OsFamily.MACOS, arch);
    }

    @Override
    public ProcessMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        return MachRegions.read(calls, task, pid, failures);
    }

    /** The threads by their system-wide ids, named as {@code pthread_setname_np} named them. */
    @Override
    public List<NativeThread> threads() {
        try (MachThreads listed = MachThreads.list(calls, task, failures)) {
            return listed.threads().stream()
                    .map(thread -> new NativeThread(thread.threadId(), threadName(thread.port()))).toList();
        }
    }

    /** {@code thread_info(THREAD_EXTENDED_INFO)}'s name; empty for a thread that ended meanwhile. */
    private String threadName(int port) {
        try {
            return ThreadExtendedInfo.name(calls.threadInfo(port, ThreadExtendedInfo.FLAVOR, ThreadExtendedInfo.COUNT));
        } catch (MachCallException e) {
            return "";
        }
    }

    /** {@code pthread_t} to thread id: each thread's handle minus {@link #PTHREAD_TSD_OFFSET}, as py-spy maps them. */
    @Override
    public Map<Long, Long> osThreadIds(List<Long> threadHandles) {
        Set<Long> wanted = Set.copyOf(threadHandles);
        Map<Long, Long> byHandle = new HashMap<>();
        try (MachThreads listed = MachThreads.list(calls, task, failures)) {
            for (MachThreads.MachThread thread : listed.threads()) {
                long handle = thread.threadHandle() - PTHREAD_TSD_OFFSET;
                if (wanted.contains(handle)) {
                    byHandle.put(handle, thread.threadId());
                }
            }
        } catch (SpyException e) {
            return Map.of();
        }
        return byHandle;
    }

    @Override
    public String executablePath() {
        return executablePath;
    }

    @Override
    public List<String> commandLine() {
        try {
            return ProcArgs2.decode(calls.procArgs2((int) pid)).arguments();
        } catch (MachCallException e) {
            return List.of();
        }
    }

    /** macOS has no mount namespaces: the target sees the file at the path this JVM sees it. */
    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return Path.of(pathInTarget);
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        return images.image(path);
    }

    /** The binaries that may hold the interpreter, program first, then libpython or the Python framework. */
    List<BinaryImage> pythonImages() {
        PythonImageLocator.PythonPaths paths = PythonImageLocator.locate(executablePath, regions());
        List<BinaryImage> found = new ArrayList<>();
        for (String path : paths.inLookupOrder()) {
            image(path).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public synchronized PauseHandle pause() {
        PauseHandle[] holder = new PauseHandle[1];
        holder[0] = TaskPause.suspend(calls, task, platform().arch(), failures, () -> forget(holder[0]));
        openPauses.add(holder[0]);
        return holder[0];
    }

    @Override
    public synchronized PauseHandle pauseThreads(Collection<Long> osThreadIds) {
        PauseHandle[] holder = new PauseHandle[1];
        holder[0] = ThreadsPause.suspend(calls, task, osThreadIds, failures, () -> forget(holder[0]));
        openPauses.add(holder[0]);
        return holder[0];
    }

    private synchronized void forget(PauseHandle pause) {
        openPauses.remove(pause);
    }

    @Override
    public boolean isAlive() {
        return !closed && failures.processExists();
    }

    /** Resumes what is still paused (latest pause first), then gives back the task port, once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        List<PauseHandle> pauses = new ArrayList<>(openPauses);
        try {
            for (int i = pauses.size() - 1; i >= 0; i--) {
                pauses.get(i).close();
            }
        } finally {
            closed = true;
            try {
                calls.machPortDeallocate(task);
            } catch (MachCallException e) {
                // The name died with the task; the kernel has released it.
            }
        }
    }

    /** For tests: the pause handles not closed yet. */
    synchronized int openPauseCount() {
        return openPauses.size();
    }

    @Override
    public String toString() {
        return "MacTargetProcess[pid " + pid + ", task port " + task + "]";
    }

    /** Used by the thread activity probe, which shares this process's task port. */
    int taskPort() {
        return task;
    }

    MacCalls calls() {
        return calls;
    }

    MachFailures failures() {
        return failures;
    }
}
