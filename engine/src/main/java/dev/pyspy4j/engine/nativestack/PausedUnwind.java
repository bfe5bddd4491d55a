// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.Registers;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.PausedWork;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwinds every thread the pause stopped, while it is stopped: registers and stack memory change as soon as a
 * thread runs again. Only the return addresses are kept; naming them waits until the target runs again.
 */
final class PausedUnwind implements PausedWork {
    private final NativeUnwinder unwinder;
    private final int maxFrames;
    private Map<Long, NativeStack> stacks = new HashMap<>();

    PausedUnwind(NativeUnwinder unwinder, int maxFrames) {
        this.unwinder = unwinder;
        this.maxFrames = maxFrames;
    }

    @Override
    public void run(PauseHandle pause) {
        stacks = new HashMap<>();
        for (long thread : pause.stoppedThreads()) {
            Optional<Registers> registers = pause.registers(thread);
            registers.ifPresent(values -> stacks.put(thread, unwinder.unwind(thread, values, maxFrames)));
        }
    }

    /** The stacks of the last pause, by OS thread id; each pause's stacks are handed out once. */
    Map<Long, NativeStack> take() {
        Map<Long, NativeStack> taken = stacks;
        stacks = new HashMap<>();
        return taken;
    }
}
