// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.engine.nativestack.NativeMode;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.SampleRequest;
import dev.pyspy4j.spi.python.ThreadSelection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to sample, whatever is done with the samples.
 *
 * @param rate            samples per second
 * @param durationSeconds how long; empty for as long as the process runs or until stopped
 * @param pauseTarget     stop the target while its stacks are copied (off with {@code --nonblocking})
 * @param gilOnly         read only the thread holding the GIL ({@code --gil})
 * @param lineNumbers     which line each frame reports
 * @param nativeStacks    whether native stacks are merged in ({@code --native}), and by which unwinder
 * @param threads         the threads sampled ({@code --tid}, {@code --threads-matching}); the others are not read
 * @param asyncTasks      whether stacks are attributed to asyncio tasks ({@code --async-aware})
 */
public record SamplingPlan(int rate, OptionalLong durationSeconds, boolean pauseTarget, boolean gilOnly,
                           LineNumbers lineNumbers, NativeMode nativeStacks, ThreadSelection threads,
                           AsyncMode asyncTasks) {
    public SamplingPlan {
        Objects.requireNonNull(threads, "threads is null");
        Objects.requireNonNull(asyncTasks, "asyncTasks is null");
        if (asyncTasks.enabled() && nativeStacks.enabled()) {
            // A task's frames are found in the thread's Python stack; the native frames between them are not placed.
            throw new IllegalArgumentException("asyncio task stacks cannot be merged with native stacks");
        }
        Objects.requireNonNull(durationSeconds, "durationSeconds is null");
        Objects.requireNonNull(lineNumbers, "lineNumbers is null");
        Objects.requireNonNull(nativeStacks, "nativeStacks is null");
        if (nativeStacks.enabled() && !pauseTarget) {
            // Registers exist only for stopped threads, and a running thread's stack changes under the unwinder.
            throw new IllegalArgumentException("native stacks need the target paused");
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + rate);
        }
        if (durationSeconds.isPresent() && durationSeconds.getAsLong() <= 0) {
            throw new IllegalArgumentException("duration must be positive, was " + durationSeconds.getAsLong());
        }
    }

    /** A plan of plain thread stacks. */
    public SamplingPlan(int rate, OptionalLong durationSeconds, boolean pauseTarget, boolean gilOnly,
                        LineNumbers lineNumbers, NativeMode nativeStacks, ThreadSelection threads) {
        this(rate, durationSeconds, pauseTarget, gilOnly, lineNumbers, nativeStacks, threads, AsyncMode.OFF);
    }

    /** A plan of every thread. */
    public SamplingPlan(int rate, OptionalLong durationSeconds, boolean pauseTarget, boolean gilOnly,
                        LineNumbers lineNumbers, NativeMode nativeStacks) {
        this(rate, durationSeconds, pauseTarget, gilOnly, lineNumbers, nativeStacks, ThreadSelection.ALL);
    }

    /** A plan of every thread with Python stacks only. */
    public SamplingPlan(int rate, OptionalLong durationSeconds, boolean pauseTarget, boolean gilOnly,
                        LineNumbers lineNumbers) {
        this(rate, durationSeconds, pauseTarget, gilOnly, lineNumbers, NativeMode.OFF);
    }

    /**
     * {@code rate} samples a second for as long as the target runs, pausing it while its stacks are copied, every
     * thread, the line being executed: what {@code record} does without options.
     */
    public static SamplingPlan atRate(int rate) {
        return new SamplingPlan(rate, OptionalLong.empty(), true, false, LineNumbers.CURRENT);
    }

    /** The same plan, ending after {@code seconds}. */
    public SamplingPlan forSeconds(long seconds) {
        return new SamplingPlan(rate, OptionalLong.of(seconds), pauseTarget, gilOnly, lineNumbers, nativeStacks,
                threads, asyncTasks);
    }

    /** The same plan, never pausing the target ({@code --nonblocking}): cheaper, but a stack may be torn. */
    public SamplingPlan nonBlocking() {
        return new SamplingPlan(rate, durationSeconds, false, gilOnly, lineNumbers, nativeStacks, threads,
                asyncTasks);
    }

    /**
     * The same plan, merging each thread's native stack into its Python stack ({@code --native}), unwound by the
     * unwinder {@code unwinderId} or else the default one.
     */
    public SamplingPlan withNativeStacks(Optional<String> unwinderId) {
        return new SamplingPlan(rate, durationSeconds, pauseTarget, gilOnly, lineNumbers,
                NativeMode.on(unwinderId), threads, asyncTasks);
    }

    /** The same plan, sampling only the threads {@code selection} selects. */
    public SamplingPlan withThreads(ThreadSelection selection) {
        return new SamplingPlan(rate, durationSeconds, pauseTarget, gilOnly, lineNumbers, nativeStacks, selection,
                asyncTasks);
    }

    /** The same plan, attributing stacks to asyncio tasks as {@code mode} says. */
    public SamplingPlan withAsyncTasks(AsyncMode mode) {
        return new SamplingPlan(rate, durationSeconds, pauseTarget, gilOnly, lineNumbers, nativeStacks, threads,
                mode);
    }

    /** The duration in nanoseconds, as the {@link Sampler} takes it. */
    public OptionalLong durationNanos() {
        return durationSeconds.isPresent() ? OptionalLong.of(durationSeconds.getAsLong() * 1_000_000_000L)
                : OptionalLong.empty();
    }

    /**
     * Whether idle threads can be told apart at all: with {@code --gil} only the GIL holder is read, and it is
     * running, so py-spy skips the activity snapshot then (and so do we: it costs a read per thread per sample).
     */
    public boolean needsActivity() {
        return !gilOnly;
    }

    /** What each read asks of the interpreter; {@code activity} may be {@code null} (every thread active). */
    public SampleRequest request(ThreadActivityProbe activity) {
        return new SampleRequest(pauseTarget, lineNumbers, gilOnly, 0, activity).withThreads(threads);
    }
}
