// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.os.windows.jna.JnaWindowsCalls;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.TargetArch;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;

/**
 * Opens Windows x86_64 processes with {@code OpenProcess}. Attaching checks at once that the pid names a running
 * process that this user may read and suspend, so refusals surface before sampling starts. The JNA bindings load on
 * the first attach on Windows, never elsewhere.
 */
public final class WindowsProcessAccessProvider implements ProcessAccessProvider {
    /** {@code PROCESS_VM_READ | PROCESS_QUERY_INFORMATION | PROCESS_SUSPEND_RESUME} ({@code winnt.h}). */
    static final int ACCESS = 0x0010 | 0x0400 | 0x0800;
    private static final long MAX_PID = 0xFFFF_FFFFL;

    @Override
    public String id() {
        return "windows";
    }

    @Override
    public boolean isSupported(Platform platform) {
        return supports(platform);
    }

    static boolean supports(Platform platform) {
        return platform.os() == OsFamily.WINDOWS && platform.arch().equals(TargetArch.X86_64);
    }

    @Override
    public TargetProcess attach(long pid) {
        Platform platform = requireWindows();
        return attach(JnaWindowsCalls.instance(), pid, platform);
    }

    /** Binds the Windows libraries ahead of the first attach; failures are left for {@link #attach} to report. */
    @Override
    public void prepare() {
        if (supports(Platform.current())) {
            try {
                JnaWindowsCalls.instance();
            } catch (RuntimeException | LinkageError e) {
                // attach reports it
            }
        }
    }

    static TargetProcess attach(WindowsCalls calls, long pid, Platform platform) {
        if (pid <= 0 || pid > MAX_PID) {
            throw new SpyException(FailureKind.PROCESS_NOT_FOUND, "no process with pid " + pid);
        }
        long handle;
        try {
            handle = calls.openProcess(ACCESS, pid);
        } catch (WindowsCallException e) {
            throw WindowsErrors.openFailed(pid, e);
        }
        WindowsTargetProcess target = new WindowsTargetProcess(calls, pid, handle, platform);
        try {
            // A process object outlives its process while anyone holds a handle to it: opening one proves nothing.
            if (!target.isAlive()) {
                throw WindowsErrors.exited(pid);
            }
            target.executablePath();
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    static Platform requireWindows() {
        Platform platform = Platform.current();
        if (!supports(platform)) {
            throw new SpyException(FailureKind.UNSUPPORTED_PLATFORM, "the Windows process provider runs on "
                    + "windows-x86_64 only, not on " + platform);
        }
        return platform;
    }
}
