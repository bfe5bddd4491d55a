// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.process.ThreadActivityProvider;

/**
 * Tells running threads from idle ones through {@code /proc/<pid>/task/<tid>/stat} and {@code .../schedstat}.
 * Works with any {@link TargetProcess} of this machine, since it needs only the pid.
 */
public final class LinuxThreadActivityProvider implements ThreadActivityProvider {
    @Override
    public String id() {
        return "linux-proc";
    }

    @Override
    public boolean isSupported(Platform platform) {
        return platform.os() == OsFamily.LINUX;
    }

    @Override
    public ThreadActivityProbe open(TargetProcess target) {
        return new ProcThreadActivityProbe(target.pid(), new ActivityClassifier());
    }
}
