// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.macos;

import dev.pyspy4j.os.macos.calls.MacCalls;
import dev.pyspy4j.os.macos.calls.MachCallException;
import dev.pyspy4j.os.macos.jna.NativeMacCalls;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;
import java.util.function.Supplier;

/**
 * Tells running threads from idle ones with {@code thread_info(THREAD_BASIC_INFO)}, as py-spy does on macOS. Shares
 * the task port of a process this module opened; for another {@link TargetProcess} it takes a port of its own.
 */
public final class MacThreadActivityProvider implements ThreadActivityProvider {
    private final Supplier<MacCalls> calls;

    public MacThreadActivityProvider() {
        this(NativeMacCalls::get);
    }

    MacThreadActivityProvider(Supplier<MacCalls> calls) {
        this.calls = calls;
    }

    @Override
    public String id() {
        return "macos-mach";
    }

    @Override
    public boolean isSupported(Platform platform) {
        return platform.os() == OsFamily.MACOS;
    }

    @Override
    public ThreadActivityProbe open(TargetProcess target) {
        if (target instanceof MacTargetProcess mac) {
            return new MachThreadActivityProbe(mac.calls(), mac.taskPort(), mac.failures(), false);
        }
        MacCalls mac = calls.get();
        MachFailures failures = new MachFailures(mac, target.pid());
        try {
            return new MachThreadActivityProbe(mac, mac.taskForPid((int) target.pid()), failures, true);
        } catch (MachCallException e) {
            throw failures.of(e, FailureKind.PERMISSION_DENIED, "watch the threads");
        }
    }
}
