// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.unwinders.UnwoundPlatforms;
import dev.pyspy4j.unwinders.libunwind.jna.Libunwind;

/**
 * Native stacks from libunwind-ptrace, the library py-spy unwinds with, for comparison and as a fallback. It ranks
 * below the unwinders written in Java: it reads the stack one word per ptrace call, and needs a system library.
 */
public final class LibunwindUnwinderProvider implements NativeUnwinderProvider {
    /** Below {@code dwarf} and {@code framepointer}. */
    static final int PRIORITY = 10;

    @Override
    public String id() {
        return "libunwind";
    }

    @Override
    public String description() {
        return "libunwind-ptrace (Linux x86_64; needs the " + Libunwind.PACKAGE + " package)";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isSupported(Platform platform) {
        return runsOn(platform) && Libunwind.unavailableBecause().isEmpty();
    }

    @Override
    public NativeUnwinder open(TargetProcess process) {
        if (!runsOn(process.platform())) {
            throw new SpyException(FailureKind.UNSUPPORTED_PLATFORM,
                    "the libunwind unwinder works on Linux x86_64 only, not on " + process.platform());
        }
        Libunwind.unavailableBecause().ifPresent(reason -> {
            throw notInstalled(reason);
        });
        long addressSpace = Libunwind.createPtraceAddressSpace();
        if (addressSpace == 0) {
            throw new SpyException(FailureKind.INTERNAL, "libunwind could not create an address space for process "
                    + process.pid() + " (out of memory)");
        }
        return new LibunwindUnwinder(addressSpace);
    }

    /** The failure of {@link #open} on a system without libunwind-ptrace, saying what to install. */
    static SpyException notInstalled(String loaderMessage) {
        return new SpyException(FailureKind.UNSUPPORTED_PLATFORM, "libunwind-ptrace is not installed (install the "
                + Libunwind.PACKAGE + " package, or choose another --unwinder): " + loaderMessage);
    }

    private static boolean runsOn(Platform platform) {
        return UnwoundPlatforms.isLinuxX86_64(platform);
    }
}
