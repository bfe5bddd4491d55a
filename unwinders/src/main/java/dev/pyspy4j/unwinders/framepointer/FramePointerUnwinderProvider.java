// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.framepointer;

import dev.pyspy4j.spi.Platform;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.NativeUnwinderProvider;
import dev.pyspy4j.spi.process.TargetProcess;
import dev.pyspy4j.unwinders.UnwoundPlatforms;

/** The frame-pointer chain: the cheapest unwinder, correct only where every function keeps a frame pointer. */
public final class FramePointerUnwinderProvider implements NativeUnwinderProvider {
    /** Below the DWARF unwinder: most distribution binaries are built without frame pointers. */
    static final int PRIORITY = 100;

    @Override
    public String id() {
        return "framepointer";
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
        return "the rbp frame-pointer chain; fast, but only right where every function keeps a frame pointer; "
                + "Linux x86_64";
    }

    @Override
    public NativeUnwinder open(TargetProcess process) {
        return new FramePointerUnwinder(process);
    }
}
