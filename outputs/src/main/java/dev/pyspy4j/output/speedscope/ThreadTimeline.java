// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.speedscope;

import dev.pyspy4j.output.support.IntList;
import dev.pyspy4j.output.support.LongList;

/**
 * The samples of one thread in time order, run-length encoded: consecutive samples of the same stack are one
 * entry with a count, so memory grows with stack changes, not samples (speedscope merges such samples on import
 * anyway). Each sample stands for one sampling interval. Where the thread went unsampled for at least one interval
 * (filtered out as idle, or not yet started), an idle entry (an empty stack, which speedscope shows as a gap and
 * leaves out of its non-idle totals) fills the time, so every thread's timeline starts at the start of the
 * recording and idle gaps stay visible: py-spy loses both (its issue #589).
 */
final class ThreadTimeline {
    /** The stack id of an idle entry. */
    static final int IDLE = -1;

    private final String name;
    private final long intervalNanos;
    private final IntList stacks = new IntList();
    /** Per entry: the number of samples, or for an idle entry its length in nanoseconds. */
    private final LongList amounts = new LongList();
    private long cursorNanos;

    ThreadTimeline(String name, long intervalNanos) {
        this.name = name;
        this.intervalNanos = intervalNanos;
    }

    String name() {
        return name;
    }

    /** Adds a sample of stack {@code stackId} taken {@code elapsedNanos} after the recording started. */
    void add(int stackId, long elapsedNanos) {
        long unsampled = elapsedNanos - cursorNanos;
        if (unsampled >= intervalNanos) {
            stacks.add(IDLE);
            amounts.add(unsampled);
            cursorNanos = elapsedNanos;
        }
        int last = stacks.size() - 1;
        if (last >= 0 && stacks.get(last) == stackId) {
            amounts.set(last, amounts.get(last) + 1);
        } else {
            stacks.add(stackId);
            amounts.add(1);
        }
        cursorNanos += intervalNanos;
    }

    int entries() {
        return stacks.size();
    }

    /** The stack of entry {@code index}, or {@link #IDLE}. */
    int stack(int index) {
        return stacks.get(index);
    }

    /** The weight of entry {@code index} in seconds: its samples times the interval, or the idle time. */
    double seconds(int index, int sampleRate) {
        long amount = amounts.get(index);
        return stacks.get(index) == IDLE ? amount / 1e9 : (double) amount / sampleRate;
    }
}
