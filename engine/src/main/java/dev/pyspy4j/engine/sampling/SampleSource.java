// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

/**
 * What the sampler reads at every tick: one process, or (with subprocesses) a process tree. Used by the sampler's
 * thread only; whoever created it closes it.
 */
public interface SampleSource extends AutoCloseable {
    /** Reads every process once. A process that fails is reported in the result, not thrown. */
    SourceReading read();

    /**
     * Lets a program that is held paused since its launch run, if this source holds one; a no-op otherwise. Reading
     * does it too, but only the thread that opened the source can: a front end that reads it on another thread
     * calls this first, on the opening thread.
     */
    default void releaseHeldStart() {
    }

    /** Whether every process has exited, so that nothing is left to sample. */
    boolean exhausted();

    /** Why nothing is left to sample, once {@link #exhausted}. */
    default StopReason exhaustion() {
        return StopReason.TARGET_EXITED;
    }

    /** Lets go of every process (resuming any that is paused). */
    @Override
    void close();
}
