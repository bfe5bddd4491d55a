// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders;

import dev.pyspy4j.spi.OsFamily;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.TargetArch;

/**
 * Where the unwinders work: their register sets, signal frames and stack layout are those of x86_64, and they read
 * binaries as ELF, so Linux x86_64 only.
 */
public final class UnwoundPlatforms {
    private UnwoundPlatforms() {
    }

    public static boolean isLinuxX86_64(Platform platform) {
        return platform.os() == OsFamily.LINUX && platform.arch().equals(TargetArch.X86_64);
    }
}
