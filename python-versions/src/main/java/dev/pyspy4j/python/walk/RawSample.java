// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

import java.util.List;

/**
 * Everything copied from the target for one sample, in the interpreter's thread-list order.
 *
 * @param gilHolder  the {@code PyThreadState} holding the GIL, or 0 when nobody does or it is unknown
 */
public record RawSample(List<RawThread> threads, long gilHolder) {
    public RawSample {
        threads = List.copyOf(threads);
    }
}
