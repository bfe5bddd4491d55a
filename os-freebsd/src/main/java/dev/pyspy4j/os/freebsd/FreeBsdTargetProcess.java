// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.spi.FailureKind;
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
import java.util.List;
import java.util.Optional;

/**
 * A FreeBSD process opened for reading. Its map, threads, executable and arguments come from kern.proc sysctls,
 * which need no stop; its memory from PT_IO, which does (see {@link Tracer}). Threads are listed from the per-thread
 * kinfo_proc records rather than PT_GETLWPLIST so that listing them never stops the target; a pause lists the
 * threads it stopped with PT_GETLWPLIST.
 */
final class FreeBsdTargetProcess implements TargetProcess {
    private static final Platform PLATFORM = new Platform(OsFamily.FREEBSD, TargetArch.X86_64);

    private final int pid;
    private final FreeBsdCalls calls;
    private final KernProc kern;
    private final Failures failures;
    private final Tracer tracer;
    private final FreeBsdProcessMemory memory;
    private final BinaryImages images = new BinaryImages(this::regions, this::fileAsSeenByTarget);
    private String executable;

    FreeBsdTargetProcess(FreeBsdCalls calls, int pid) {
        this.pid = pid;
        this.calls = calls;
        this.kern = new KernProc(calls, pid);
        this.failures = new Failures(calls, pid);
        this.tracer = new Tracer(calls, pid, failures);
        this.memory = new FreeBsdProcessMemory(calls, pid, tracer, failures);
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public Platform platform() {
        return PLATFORM;
    }

    @Override
    public ProcessMemory memory() {
        return memory;
    }

    @Override
    public List<MemoryRegion> regions() {
        try {
            return kern.vmmap().stream().map(RegionMapping::of).toList();
        } catch (FreeBsdCallException e) {
            throw failures.of("the memory map", e);
        }
    }

    @Override
    public List<NativeThread> threads() {
        try {
            return kern.threads().stream()
                    .filter(thread -> thread.state() != KinfoProc.SZOMB)
                    .map(thread -> new NativeThread(thread.threadId(), thread.threadName()))
                    .toList();
        } catch (FreeBsdCallException e) {
            throw failures.of("the threads", e);
        }
    }

    @Override
    public synchronized String executablePath() {
        if (executable == null) {
            try {
                executable = kern.pathname();
            } catch (FreeBsdCallException e) {
                if (e.errno() == FreeBsdCallException.ESRCH || e.isRefusal()) {
                    throw failures.of("the executable", e);
                }
                throw new SpyException(FailureKind.NOT_PYTHON, "cannot find the executable of process " + pid
                        + " (kern.proc.pathname failed with errno " + e.errno() + "); check that it is running", e);
            }
            if (executable.isEmpty()) {
                throw new SpyException(FailureKind.NOT_PYTHON, "process " + pid + " runs no program (a kernel"
                        + " process)");
            }
        }
        return executable;
    }

    /** The arguments; empty when the kernel does not tell them (a zombie, a system process, a refusal). */
    @Override
    public List<String> commandLine() {
        try {
            return kern.args();
        } catch (FreeBsdCallException e) {
            if (e.errno() == FreeBsdCallException.ESRCH) {
                throw failures.exited();
            }
            return List.of();
        }
    }

    /**
     * The path itself: the kernel builds the paths of kern.proc.vmmap and kern.proc.pathname from the root directory
     * of the process that asks (vn_fullpath), so they name the files as this process sees them, also for a target
     * in a jail.
     */
    @Override
    public Path fileAsSeenByTarget(String pathInTarget) {
        return Path.of(pathInTarget);
    }

    @Override
    public Optional<BinaryImage> image(String path) {
        return images.image(path);
    }

    @Override
    public PauseHandle pause() {
        return new FreeBsdPauseHandle(calls, pid, tracer, failures);
    }

    @Override
    public boolean isAlive() {
        try {
            return kern.process().filter(process -> process.state() != KinfoProc.SZOMB).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Resumes the process if a pause was left open, so that closing never leaves it stopped. */
    @Override
    public void close() {
        tracer.resumeFully();
    }
}
