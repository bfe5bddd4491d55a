// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.util.Objects;

/**
 * One row of the table.
 *
 * @param id           the function or line
 * @param ownPercent   its own time as a percentage of the sampled thread time of the last refresh interval
 * @param totalPercent the same for the time it was anywhere on a stack
 * @param ownSeconds   its own thread time, in wall-clock seconds, since the start or the last reset
 * @param totalSeconds the same for the time it was anywhere on a stack
 */
public record TopRow(FunctionId id, double ownPercent, double totalPercent, double ownSeconds,
                     double totalSeconds) {
    public TopRow {
        Objects.requireNonNull(id, "id is null");
    }
}
