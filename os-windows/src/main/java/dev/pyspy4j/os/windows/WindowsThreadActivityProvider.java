// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.windows;

import dev.pyspy4j.os.windows.jna.JnaWindowsCalls;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;

/**
 * Tells running threads from idle ones with one {@code NtQuerySystemInformation(SystemProcessInformation)} per
 * snapshot: the scheduler state and wait reason of every thread of the target.
 */
public final class WindowsThreadActivityProvider implements ThreadActivityProvider {
    @Override
    public String id() {
        return "windows-nt";
    }

    @Override
    public boolean isSupported(Platform platform) {
        return WindowsProcessAccessProvider.supports(platform);
    }

    @Override
    public ThreadActivityProbe open(TargetProcess target) {
        if (target instanceof WindowsTargetProcess windows) {
            return new SystemProcessActivityProbe(windows.calls(), target.pid());
        }
        WindowsProcessAccessProvider.requireWindows();
        return new SystemProcessActivityProbe(JnaWindowsCalls.instance(), target.pid());
    }
}
