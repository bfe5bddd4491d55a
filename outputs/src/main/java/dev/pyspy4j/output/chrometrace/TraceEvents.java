// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.chrometrace;

import dev.pyspy4j.output.support.IntList;
import dev.pyspy4j.output.support.LongList;

/**
 * The begin and end events of a recording in three parallel arrays (frame id and phase packed in one int, thread
 * index, timestamp), sixteen bytes per event instead of an object each.
 */
final class TraceEvents {
    private final IntList frameAndPhase = new IntList();
    private final IntList threads = new IntList();
    private final LongList timestamps = new LongList();

    void begin(int thread, int frame, long micros) {
        add(thread, frame << 1, micros);
    }

    void end(int thread, int frame, long micros) {
        add(thread, frame << 1 | 1, micros);
    }

    private void add(int thread, int packed, long micros) {
        frameAndPhase.add(packed);
        threads.add(thread);
        timestamps.add(micros);
    }

    int size() {
        return threads.size();
    }

    int thread(int index) {
        return threads.get(index);
    }

    int frame(int index) {
        return frameAndPhase.get(index) >>> 1;
    }

    boolean isEnd(int index) {
        return (frameAndPhase.get(index) & 1) != 0;
    }

    long micros(int index) {
        return timestamps.get(index);
    }
}
