// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.nativestack.NativeStack;
import dev.pyspy4j.spi.nativestack.NativeUnwinder;
import dev.pyspy4j.spi.nativestack.SymbolResolver;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The native stacks of one process: unwinds its threads while a sample holds it paused, then merges each thread's
 * native stack into its Python stack. Owns the process's unwinder and symbol resolver and closes them. Used by one
 * sampler thread.
 */
public final class NativeStacks implements AutoCloseable {
    /** The reason merge failures are counted under. */
    public static final String MISMATCH_REASON = "native and Python stacks do not match";

    private final NativeUnwinder unwinder;
    private final SymbolResolver resolver;
    private final PausedUnwind unwind;
    private final Symbolizer symbolizer;
    private final StackMerge merge;

    public NativeStacks(NativeUnwinder unwinder, SymbolResolver resolver, InterpreterBinaries interpreter,
                        int maxFrames) {
        this.unwinder = Objects.requireNonNull(unwinder, "unwinder is null");
        this.resolver = Objects.requireNonNull(resolver, "resolver is null");
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be positive, was " + maxFrames);
        }
        this.unwind = new PausedUnwind(unwinder, maxFrames);
        this.symbolizer = new Symbolizer(resolver, unwinder);
        this.merge = new StackMerge(interpreter);
    }

    /**
     * {@code request}, also unwinding every stopped thread while the target is paused.
     *
     * @throws IllegalArgumentException when {@code request} does not pause the target: without the pause there are
     *                                  no registers, and a running thread's stack cannot be followed
     */
    public SampleRequest whilePaused(SampleRequest request) {
        if (!request.pauseTarget()) {
            throw new IllegalArgumentException("native stacks need the target paused");
        }
        return request.withWhilePaused(unwind);
    }

    /**
     * The traces of the sample just taken, each merged with the native stack of its thread. A thread whose stacks
     * do not fit together is left out and its mismatch returned, to be counted as a failure: its Python frames
     * alone would look like a complete stack and hide where the time went, and a guessed merge would show Python
     * frames under C functions that never called them. A thread unwound by no one (no OS thread id, or it started
     * after the pause) keeps its Python stack.
     */
    public MergedSample merge(List<StackTrace> traces) {
        Map<Long, NativeStack> stacks = unwind.take();
        symbolizer.nextSample();
        List<StackTrace> merged = new ArrayList<>(traces.size());
        List<SpyException> mismatches = new ArrayList<>();
        for (StackTrace trace : traces) {
            NativeStack stack = trace.hasOsThreadId() ? stacks.get(trace.osThreadId()) : null;
            if (stack == null) {
                merged.add(trace);
                continue;
            }
            MergedStack result = merge.merge(trace.frames(), symbolizer.name(stack),
                    stack.endedEarlyBecause().isPresent());
            if (result.matched()) {
                merged.add(trace.withFrames(result.frames()));
            } else {
                mismatches.add(new SpyException(FailureKind.MEMORY_READ, MISMATCH_REASON + " in thread "
                        + trace.osThreadId() + ": " + result.mismatch()
                        + stack.endedEarlyBecause().map(why -> " (the native unwind ended early: " + why + ")")
                        .orElse(""), MISMATCH_REASON, null));
            }
        }
        return new MergedSample(merged, mismatches);
    }

    @Override
    public void close() {
        try {
            unwinder.close();
        } finally {
            resolver.close();
        }
    }

    /**
     * @param traces     the merged traces
     * @param mismatches one per thread left out because its stacks did not fit together
     */
    public record MergedSample(List<StackTrace> traces, List<SpyException> mismatches) {
        public MergedSample {
            traces = List.copyOf(traces);
            mismatches = List.copyOf(mismatches);
        }
    }
}
