// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.freebsd;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Tells running threads from idle ones by their scheduler state in kern.proc.pid's per-thread records. Works with
 * any {@link TargetProcess} of this machine, since it needs only the pid; it never stops the target.
 */
public final class FreeBsdThreadActivityProvider implements ThreadActivityProvider {
    private final Supplier<FreeBsdCalls> calls;

    /** The provider ServiceLoader builds: the kernel's calls, bound when first needed. */
    public FreeBsdThreadActivityProvider() {
        this.calls = SystemCalls::get;
    }

    /** A provider whose calls are answered by {@code calls} instead of the kernel (tests). */
    public FreeBsdThreadActivityProvider(FreeBsdCalls calls) {
        Objects.requireNonNull(calls, "calls is null");
        this.calls = () -> calls;
    }

    @Override
    public String id() {
        return "freebsd-kinfo";
    }

    @Override
    public boolean isSupported(Platform platform) {
        return platform.os() == OsFamily.FREEBSD && platform.arch().equals(TargetArch.X86_64);
    }

    @Override
    public ThreadActivityProbe open(TargetProcess target) {
        return new FreeBsdThreadActivityProbe(calls.get(), (int) target.pid());
    }
}
