// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.os.linux.proc.ProcCmdline;
import dev.pyspy4j.os.linux.proc.ProcMaps;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.BinaryImage;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.NativeThread;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Linux process read from outside: memory through {@code process_vm_readv}, everything else through
 * {@code /proc/<pid>}, pauses through ptrace on a dedicated tracer thread. Used by one sampler thread;
 * {@link #close()} may come from any thread and resumes the process if it is paused.
 */
public final class LinuxTargetProcess implements TargetProcess {
    private final long pid;
    private final ProcFs proc;
    private final LinuxProcessMemory memory;
    private final BinaryImages images;
    private final PthreadThreadIds pthreadThreadIds;
    private final Optional<PidNamespace> namespace;
    private final ParsedMaps maps = new ParsedMaps();
    private PtracePauser pauser;

    LinuxTargetProcess(long pid) {
        this.pid = pid;
        this.proc = new ProcFs(pid);
        this.memory = new LinuxProcessMemory(pid);
        this.images = new BinaryImages(this, proc);
        this.namespace = PidNamespace.of(proc);
        // glibc's struct pthread holds the id the thread has in its own namespace.
        this.pthreadThreadIds = new PthreadThreadIds(memory, namespace.isPresent() ? this::threadsAsTheyKnowThemselves
                : this::threads, platform().arch().byteOrder());
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Platform platform() {
        return Platform.current();
    }

    @Override
    public LinuxProcessMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        List<MemoryRegion> regions = maps.regions(proc.readText("maps"), proc.dir() + "/maps");
        // A zombie keeps its /proc directory but has no address space left: its maps file is empty.
        if (regions.isEmpty() && !isAlive()) {
            throw proc.exited();
        }
        return regions;
    }

    @Override
    public List<NativeThread> threads() {
        List<NativeThread> threads = new ArrayList<>();
        for (long tid : proc.taskIds()) {
            // A thread that ends between listing and reading its name is simply not current any more.
            ProcFs.readOptional(proc.taskFile(tid, "comm"))
                    .ifPresent(comm -> threads.add(new NativeThread(tid, withoutFinalNewline(comm))));
        }
        // A zombie's task directory still lists its main thread.
        if (threads.size() <= 1 && !isAlive()) {
            throw proc.exited();
        }
        return threads;
    }

    private static String withoutFinalNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** The ids are those the threads have in the process's own namespace; {@link #hostThreadId} maps them. */
    @Override
    public Map<Long, Long> osThreadIds(List<Long> threadHandles) {
        return pthreadThreadIds.resolve(threadHandles);
    }

    @Override
    public long hostThreadId(long threadIdInProcess) {
        return namespace.isEmpty() ? threadIdInProcess : namespace.get().outerThreadId(threadIdInProcess);
    }

    @Override
    public OptionalLong namespacePid() {
        return namespace.isEmpty() ? OptionalLong.empty() : OptionalLong.of(namespace.get().innerPid());
    }

    private List<NativeThread> threadsAsTheyKnowThemselves() {
        return namespace.orElseThrow().innerThreadIds().stream().map(tid -> new NativeThread(tid, "")).toList();
    }

    @Override
    public String executablePath() {
        Path link = proc.dir().resolve("exe");
        try {
            return ProcMaps.stripDeleted(Files.readSymbolicLink(link).toString());
        } catch (NoSuchFileException e) {
            if (isAlive()) {
                // Kernel threads have no exe link (proc(5)).
                throw new SpyException(FailureKind.NOT_PYTHON, "process " + pid + " runs no program (a kernel thread)", e);
            }
            throw proc.exited();
        } catch (IOException e) {
            throw proc.failure(link, e);
        }
    }

    @Override
    public List<String> commandLine() {
        return ProcCmdline.parse(proc.readBytes("cmdline"));
    }

    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        String absolute = pathInTarget.startsWith("/") ? pathInTarget : "/" + pathInTarget;
        return Path.of(proc.dir() + "/root" + absolute);
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        return images.image(path);
    }

    @Override
    public synchronized PauseHandle pause() {
        return pauser().pause();
    }

    @Override
    public synchronized PauseHandle pauseThreads(Collection<Long> osThreadIds) {
        return pauser().pauseThreads(osThreadIds);
    }

    private PtracePauser pauser() {
        if (pauser == null) {
            pauser = new PtracePauser(pid, proc);
        }
        return pauser;
    }

    @Override
    public boolean isAlive() {
        return ProcessLiveness.isAlive(proc);
    }

    @Override
    public synchronized void close() {
        if (pauser != null) {
            pauser.close();
        }
        memory.close();
    }
}
