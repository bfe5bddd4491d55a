// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.spi.python;

import dev.pyspy4j.spi.process.PausedWork;
import dev.pyspy4j.spi.process.ThreadActivityProbe;
import java.util.Objects;

/**
 * What one sample should collect.
 *
 * @param pauseTarget      stop the target while its raw bytes are copied (consistent stacks); without it, torn
 *                         samples are detected and reported as failures
 * @param lineNumbers      which line each frame reports
 * @param gilOnly          read only the thread holding the GIL
 * @param localsBudget     0 for no locals; else the maximum length of each value's repr ({@code 128 * -l count})
 * @param activity         tells idle threads from running ones; {@code null} treats every thread as active
 * @param whilePaused      run while the target is paused, after the Python stacks were copied; {@code null} for
 *                         nothing. Run only when {@code pauseTarget} is set
 * @param threads          the threads to read; the others' stacks are neither read nor reported
 */
public record SampleRequest(boolean pauseTarget, LineNumbers lineNumbers, boolean gilOnly, int localsBudget,
                            ThreadActivityProbe activity, PausedWork whilePaused, ThreadSelection threads) {
    public SampleRequest {
        Objects.requireNonNull(lineNumbers, "lineNumbers is null");
        Objects.requireNonNull(threads, "threads is null");
        if (localsBudget < 0) {
            throw new IllegalArgumentException("localsBudget must be >= 0");
        }
    }

    /** A request of every thread with no work to run while paused. */
    public SampleRequest(boolean pauseTarget, LineNumbers lineNumbers, boolean gilOnly, int localsBudget,
                         ThreadActivityProbe activity) {
        this(pauseTarget, lineNumbers, gilOnly, localsBudget, activity, null, ThreadSelection.ALL);
    }

    /** This request, running {@code work} while the target is paused. */
    public SampleRequest withWhilePaused(PausedWork work) {
        return new SampleRequest(pauseTarget, lineNumbers, gilOnly, localsBudget, activity, work, threads);
    }

    /** This request, reading only the threads {@code selection} selects. */
    public SampleRequest withThreads(ThreadSelection selection) {
        return new SampleRequest(pauseTarget, lineNumbers, gilOnly, localsBudget, activity, whilePaused, selection);
    }

    /** Every thread, current lines, no locals. */
    public static SampleRequest stacks(boolean pauseTarget, ThreadActivityProbe activity) {
        return new SampleRequest(pauseTarget, LineNumbers.CURRENT, false, 0, activity);
    }
}
