// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.os.freebsd.kinfo.KinfoProc;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.MemoryRegion;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens FreeBSD x86_64 processes through the kern.proc sysctls and ptrace. Attaching checks at once that the process
 * exists, is not a zombie, and that its executable and memory can be read, so that permission problems (another
 * debugger, security.bsd.unprivileged_proc_debug, a process of another user) surface before sampling starts.
 */
public final class FreeBsdProcessAccessProvider implements ProcessAccessProvider {
    private final Supplier<FreeBsdCalls> calls;

    /** The provider ServiceLoader builds: the kernel's calls, bound when first needed. */
    public FreeBsdProcessAccessProvider() {
        this.calls = SystemCalls::get;
    }

    /** A provider whose calls are answered by {@code calls} instead of the kernel (tests). */
    public FreeBsdProcessAccessProvider(FreeBsdCalls calls) {
        Objects.requireNonNull(calls, "calls is null");
        this.calls = () -> calls;
    }

    @Override
    public String id() {
        return "freebsd";
    }

    /** Only FreeBSD on x86_64: the kinfo and register layouts decoded here are amd64's. */
    @Override
    public boolean isSupported(Platform platform) {
        return platform.os() == OsFamily.FREEBSD && platform.arch().equals(TargetArch.X86_64);
    }

    @Override
    public TargetProcess attach(long pid) {
        FreeBsdCalls os = calls.get();
        Failures failures = new Failures(os, pid);
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            throw failures.notFound();
        }
        Optional<KinfoProc> process;
        try {
            process = new KernProc(os, (int) pid).process();
        } catch (FreeBsdCallException e) {
            throw failures.of("the state", e);
        }
        if (process.isEmpty()) {
            throw failures.notFound();
        }
        if (process.get().state() == KinfoProc.SZOMB) {
            throw failures.exited();
        }
        FreeBsdTargetProcess target = new FreeBsdTargetProcess(os, (int) pid);
        try {
            target.executablePath();
            checkMemoryReadable(target);
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /** Reads one byte of the first readable mapping: only PT_ATTACH tells whether the kernel lets us trace it. */
    private static void checkMemoryReadable(FreeBsdTargetProcess target) {
        Optional<MemoryRegion> readable = target.regions().stream().filter(MemoryRegion::isReadable).findFirst();
        if (readable.isEmpty()) {
            return;
        }
        try {
            target.memory().read(readable.get().start(), ByteBuffer.allocate(1));
        } catch (SpyException e) {
            // An unreadable page is no proof of anything; only a refusal or an exit is.
            if (e.kind() != FailureKind.MEMORY_READ) {
                throw e;
            }
        }
    }
}
