// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.process;

import dev.pyspy4j.spi.nativestack.Registers;
import java.util.List;
import java.util.Optional;

/** A paused target; closing resumes every thread that was stopped. Closing twice is harmless. */
public interface PauseHandle extends AutoCloseable {
    /** The OS thread ids of the threads this pause stopped; empty when the implementation does not tell. */
    default List<Long> stoppedThreads() {
        return List.of();
    }

    /**
     * The registers of a thread this pause stopped, for native unwinding. Empty when the thread is not one of them
     * (it ended, or started after the pause) or when the implementation cannot read registers. Only valid before
     * the handle is closed, and only on the thread that paused the target.
     */
    default Optional<Registers> registers(long osThreadId) {
        return Optional.empty();
    }

    @Override
    void close();
}
