// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.launch;

/**
 * How a launched program ended.
 *
 * @param status      its exit status as the shell saw it: the program's own, or 128 + n after signal n; meaningless
 *                    when {@code stoppedByUs}
 * @param stoppedByUs whether pyspy4j had to end it because it still ran when sampling stopped
 */
public record ProgramEnd(int status, boolean stoppedByUs) {
}
