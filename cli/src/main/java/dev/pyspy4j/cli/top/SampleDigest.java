// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import java.util.List;

/**
 * One sample as {@code top} counts it.
 *
 * @param weightNanos    the wall time the sample stands for: since the previous sample
 * @param read           whether any process could be read (else the tick says nothing about threads)
 * @param failed         whether some process could not be read
 * @param gil            whether some thread held the GIL
 * @param runningThreads how many threads were running rather than idle
 * @param stacks         the stacks kept by the filters, one per thread
 */
record SampleDigest(long weightNanos, boolean read, boolean failed, boolean gil, int runningThreads,
                    List<StackIds> stacks) {
    SampleDigest {
        stacks = List.copyOf(stacks);
    }
}
