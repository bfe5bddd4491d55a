// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.KernReturn;
import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.jna.NativeMacCalls;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessAccessProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.function.Supplier;

/**
 * Opens macOS processes through their Mach task port ({@code task_for_pid}), which only root gets (and not even
 * root for programs System Integrity Protection guards). The JNA binding is loaded on the first attach on macOS,
 * never on another system.
 */
public final class MacProcessAccessProvider implements ProcessAccessProvider {
    private final Supplier<MacCalls> calls;
    private final Supplier<Platform> platform;

    public MacProcessAccessProvider() {
        this(NativeMacCalls::get, Platform::current);
    }

    MacProcessAccessProvider(Supplier<MacCalls> calls, Supplier<Platform> platform) {
        this.calls = calls;
        this.platform = platform;
    }

    @Override
    public String id() {
        return "macos";
    }

    @Override
    public boolean isSupported(Platform platform) {
        return platform.os() == OsFamily.MACOS;
    }

    /**
     * Checks, in this order, that the process exists, that pyspy4j runs as root (py-spy's rule and message), and
     * that {@code task_for_pid} hands out the task; a refusal names SIP when the program lies where SIP protects.
     */
    @Override
    public TargetProcess attach(long pid) {
        Platform here = platform.get();
        if (!isSupported(here)) {
            throw new SpyException(FailureKind.UNSUPPORTED_PLATFORM, "the macOS process access provider does not run"
                    + " on " + here);
        }
        MacCalls mac = calls.get();
        if (pid <= 0 || pid > Integer.MAX_VALUE || mac.signalProbe((int) pid) == KernReturn.ESRCH) {
            throw AttachFailures.noSuchProcess(pid);
        }
        if (mac.geteuid() != 0) {
            throw AttachFailures.notRoot();
        }
        String program = programPath(mac, pid);
        int task;
        try {
            task = mac.taskForPid((int) pid);
        } catch (MachCallException e) {
            if (mac.signalProbe((int) pid) == KernReturn.ESRCH) {
                throw AttachFailures.noSuchProcess(pid);
            }
            if (SystemIntegrityProtection.protects(program)) {
                throw AttachFailures.protectedBySip(pid, program, e);
            }
            throw AttachFailures.taskForPidRefused(pid, e);
        }
        return new MacTargetProcess(mac, pid, task, program, here.arch());
    }

    /** Binds the native functions ahead of the first attach, on macOS only. */
    @Override
    public void prepare() {
        if (isSupported(platform.get())) {
            calls.get();
        }
    }

    private static String programPath(MacCalls mac, long pid) {
        try {
            return mac.procPidPath((int) pid);
        } catch (MachCallException e) {
            return "";
        }
    }
}
