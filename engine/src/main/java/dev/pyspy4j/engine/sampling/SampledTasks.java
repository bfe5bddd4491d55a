// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.engine.tasks.TaskStacks;
import dev.pyspy4j.spi.model.AsyncioSnapshot;
import dev.pyspy4j.spi.model.StackTrace;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.PythonInterpreter;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.List;

/**
 * Reads one process's asyncio tasks at every sample and attributes the sample's stacks to them
 * ({@code --async-aware}). In blocking mode the tasks are read in the same pause as the stacks, so that the two
 * agree; without pausing they are read just before the stacks and just after, and a loop that switched tasks in
 * between, or whose running task is no longer on its thread's stack, is a mismatch that {@link TaskStacks} leaves
 * out and the caller counts. A failed read of the tasks fails the sample.
 */
final class SampledTasks {
    private final PythonInterpreter interpreter;
    private final boolean allTasks;
    private final LineNumbers lineNumbers;
    private final boolean pauseTarget;
    /** The tasks read in the current sample's pause; null outside one. */
    private AsyncioSnapshot readWhilePaused;
    /** Without pausing, the tasks read before the current sample's stacks. */
    private AsyncioSnapshot readBefore;

    SampledTasks(PythonInterpreter interpreter, AsyncMode mode, SampleRequest request) {
        this.interpreter = interpreter;
        this.pauseTarget = request.pauseTarget();
        this.lineNumbers = request.lineNumbers();
        this.allTasks = mode == AsyncMode.ALL;
    }

    /** The request, reading the tasks while the target is paused for its stacks (when it is paused at all). */
    SampleRequest whilePaused(SampleRequest request) {
        if (!pauseTarget) {
            return request;
        }
        return request.withWhilePaused(pause -> readWhilePaused = interpreter.asyncioTasks(false, 0));
    }

    /** Called just before the stacks of a sample are read: without pausing, reads the tasks a first time. */
    void beforeStacks() {
        readWhilePaused = null;
        readBefore = pauseTarget ? null : interpreter.asyncioTasks(false, 0);
    }

    /** The stacks of one sample attributed to the tasks read with them (or, without pausing, read around them). */
    TaskStacks.Attributed attribute(List<StackTrace> traces) {
        if (pauseTarget) {
            if (readWhilePaused == null) {
                throw new IllegalStateException("the tasks were not read while the target was paused");
            }
            return TaskStacks.attribute(traces, readWhilePaused, allTasks, lineNumbers, null);
        }
        return TaskStacks.attribute(traces, interpreter.asyncioTasks(false, 0), allTasks, lineNumbers,
                readBefore);
    }
}
