// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import dev.pyspy4j.python.walk.RawThread;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.python.LineNumbers;
import dev.pyspy4j.spi.python.SampleRequest;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The frames decoded from each copied stack of the last sample, so that a stack used again for a thread that has
 * not run since (the very same copy) is not decoded again. Frames with local variables are live values, never
 * kept; nor are frames decoded with other line numbers than the sample's.
 */
final class DecodedStacks {
    private Map<RawThread, List<Frame>> last = new IdentityHashMap<>();
    private Map<RawThread, List<Frame>> next = new IdentityHashMap<>();
    private LineNumbers lastLines;
    private boolean keeping;

    /** Starts a sample decoded for {@code request}; the last sample's frames stay available until {@link #publish}. */
    void begin(SampleRequest request) {
        next.clear();
        keeping = request.localsBudget() == 0;
        if (!keeping || request.lineNumbers() != lastLines) {
            last.clear();
        }
        lastLines = request.lineNumbers();
    }

    /** The frames the last sample decoded from this very copy, or {@code null}. */
    List<Frame> before(RawThread copy) {
        return last.get(copy);
    }

    void keep(RawThread copy, List<Frame> frames) {
        if (keeping && copy.unreadable() == null) {
            next.put(copy, frames);
        }
    }

    /** Makes the frames kept since {@link #begin} the ones {@link #before} answers with. */
    void publish() {
        Map<RawThread, List<Frame>> previous = last;
        last = next;
        next = previous;
    }
}
