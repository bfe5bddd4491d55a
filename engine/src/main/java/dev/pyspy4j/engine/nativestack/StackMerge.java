// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.nativestack;

import dev.pyspy4j.spi.model.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a thread's native stack with its Python stack, leaf first. Each call of the interpreter's evaluation loop
 * in the native stack ran some Python frames: it is replaced by them, from the next unused one up to and including
 * the first that the loop entered from C (its entry flag, or the shim-entry flag of 3.12+ and of the outermost
 * frame; up to 3.10 every frame is its own call). Native frames outside the interpreter stay; of the interpreter's
 * own, those that say what a thread waits for stay and the rest is plumbing and goes.
 */
public final class StackMerge {
    /**
     * C library start-up frames under every stack: the same in every sample, so they only take room. glibc's thread
     * start is named {@code clone3} or {@code __clone3} depending on which symbol table named it.
     */
    private static final Set<String> STARTUP_FUNCTIONS = Set.of("__libc_start_main", "__libc_start_call_main",
            "_start", "__clone", "__clone3", "clone", "clone3", "start_thread");

    private final InterpreterBinaries interpreter;

    public StackMerge(InterpreterBinaries interpreter) {
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter is null");
    }

    /**
     * @param python        leaf first, as the interpreter reported them
     * @param calls         the native stack, leaf first, named
     * @param unwindWasCut  whether the native unwind ended before the outermost frame
     */
    public MergedStack merge(List<Frame> python, List<NativeCall> calls, boolean unwindWasCut) {
        List<Frame> merged = new ArrayList<>(python.size() + calls.size());
        int used = 0;
        int evaluationsWithoutFrames = 0;
        for (NativeCall call : calls) {
            String function = call.symbol().function();
            if (interpreter.contains(call.symbol().module())) {
                if (function == null) {
                    // 3.12+ keep each evaluation call's entry record in its C frame: an unnamed frame whose part of
                    // the stack holds it is that call (a stripped loop's split-off cold part has no name).
                    int end = endOfEvaluation(python, used);
                    if (end > used && call.stack().holds(python.get(end - 1).entryRecord())) {
                        merged.addAll(python.subList(used, end));
                        used = end;
                    }
                    continue;
                }
                switch (InterpreterFrameRole.of(function)) {
                    case EVALUATION_LOOP -> {
                        int end = endOfEvaluation(python, used);
                        if (end == used) {
                            evaluationsWithoutFrames++;
                        }
                        merged.addAll(python.subList(used, end));
                        used = end;
                    }
                    case KEPT -> merged.add(NativeFrames.of(call, null));
                    case INTERNAL -> { }
                }
            } else if (function == null) {
                merged.add(NativeFrames.of(call, null));
            } else if (!STARTUP_FUNCTIONS.contains(function) && !CythonNames.isHelper(function)) {
                merged.add(NativeFrames.of(call, CythonNames.demangle(function)));
            }
        }
        return settle(python, merged, used, evaluationsWithoutFrames, unwindWasCut);
    }

    /** The index after the last Python frame the evaluation call starting at {@code from} ran. */
    private static int endOfEvaluation(List<Frame> python, int from) {
        for (int i = from; i < python.size(); i++) {
            if (python.get(i).entry() || python.get(i).shimEntry()) {
                return i + 1;
            }
        }
        return python.size();
    }

    /**
     * Accepts what the walk could not pair when a known race or a cut unwind explains it: one evaluation call more
     * than the Python frames (a call returning or starting, its frame already popped or not yet pushed); and, only
     * when the native unwind ended early, no evaluation call at all (the Python frames go under the native ones) or
     * only the outermost Python frame left (the unwind stopped just short of its evaluation call). An unwind that
     * reached the outermost frame and still misses evaluation calls passed through interpreter code it could not
     * name (a stripped binary's split-off cold parts): any placing of the Python frames would be a guess, so it is a
     * mismatch, like anything else that does not add up.
     */
    private static MergedStack settle(List<Frame> python, List<Frame> merged, int used, int surplusEvaluations,
                                      boolean unwindWasCut) {
        int total = python.size();
        if (used == total && surplusEvaluations <= 1) {
            return MergedStack.of(merged);
        }
        if (unwindWasCut && used == 0 && surplusEvaluations == 0) {
            merged.addAll(python);
            return MergedStack.of(merged);
        }
        if (unwindWasCut && used == total - 1 && surplusEvaluations == 0) {
            merged.add(python.get(total - 1));
            return MergedStack.of(merged);
        }
        return MergedStack.mismatched("the native stack has " + (used == total ? surplusEvaluations
                + " more evaluation calls than the Python stack explains" : "evaluation calls for " + used
                + " of " + total + " Python frames"));
    }
}
