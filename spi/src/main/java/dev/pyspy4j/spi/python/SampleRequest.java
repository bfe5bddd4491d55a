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
 */
public record SampleRequest(boolean pauseTarget, LineNumbers lineNumbers, boolean gilOnly, int localsBudget,
                            ThreadActivityProbe activity, PausedWork whilePaused) {
    public SampleRequest {
        Objects.requireNonNull(lineNumbers, "lineNumbers is null");
        if (localsBudget < 0) {
            throw new IllegalArgumentException("localsBudget must be >= 0");
        }
    }

    /** A request with no work to run while paused. */
    public SampleRequest(boolean pauseTarget, LineNumbers lineNumbers, boolean gilOnly, int localsBudget,
                         ThreadActivityProbe activity) {
        this(pauseTarget, lineNumbers, gilOnly, localsBudget, activity, null);
    }

    /** This request, running {@code work} while the target is paused. */
    public SampleRequest withWhilePaused(PausedWork work) {
        return new SampleRequest(pauseTarget, lineNumbers, gilOnly, localsBudget, activity, work);
    }

    /** Every thread, current lines, no locals. */
    public static SampleRequest stacks(boolean pauseTarget, ThreadActivityProbe activity) {
        return new SampleRequest(pauseTarget, LineNumbers.CURRENT, false, 0, activity);
    }
}
