// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.dwarf;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.unwinders.UnwoundPlatforms;

/** The pure-Java DWARF CFI unwinder: needs nothing installed, handles code built without frame pointers. */
public final class DwarfUnwinderProvider implements NativeUnwinderProvider {
    /** Above every other unwinder: correct without frame pointers and needs no library. */
    static final int PRIORITY = 300;

    @Override
    public String id() {
        return "dwarf";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isSupported(Platform platform) {
        return UnwoundPlatforms.isLinuxX86_64(platform);
    }

    @Override
    public String description() {
        return "DWARF call-frame information (.eh_frame, .debug_frame) in pure Java, frame pointers where a "
                + "function has none; Linux x86_64";
    }

    @Override
    public NativeUnwinder open(TargetProcess process) {
        return new DwarfUnwinder(process);
    }
}
