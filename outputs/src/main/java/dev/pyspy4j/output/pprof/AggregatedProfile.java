// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.pprof;

import dev.pyspy4j.output.support.FrameIds;
import dev.pyspy4j.output.support.Interner;
import dev.pyspy4j.output.support.LongList;
import dev.pyspy4j.output.support.ThreadIds;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;

/**
 * A pprof profile as it grows: every distinct function, location (function and line), thread and stack is kept
 * once with an id, and a sample count per stack, so memory grows with the distinct stacks seen, never with the
 * samples. A stack's ids are its locations leaf first, then its thread's id, so two threads running the same code
 * stay apart (each sample carries its thread's labels). Not thread-safe.
 */
final class AggregatedProfile {
    final StringTable strings = new StringTable();
    final Interner<FunctionKey> functions = new Interner<>();
    final Interner<LocationKey> locations = new Interner<>();
    final Interner<SampleThread> threads = new Interner<>();
    final Interner<FrameIds> stacks = new Interner<>();
    final LongList counts = new LongList();
    private final boolean lineNumbers;
    private final long threadIdKey;
    private final long threadNameKey;
    private final long pidKey;

    AggregatedProfile(boolean lineNumbers) {
        this.lineNumbers = lineNumbers;
        this.threadIdKey = strings.index("thread_id");
        this.threadNameKey = strings.index("thread_name");
        this.pidKey = strings.index("pid");
    }

    /** Adds {@code count} samples of {@code trace}. */
    void add(StackTrace trace, long count) {
        int frames = trace.frames().size();
        int[] ids = new int[frames + 1];
        for (int i = 0; i < frames; i++) {
            ids[i] = location(trace.frames().get(i));
        }
        ids[frames] = threads.intern(thread(trace));
        int stack = stacks.intern(new FrameIds(ids));
        if (stack == counts.size()) {
            counts.add(count);
        } else {
            long sum = counts.get(stack) + count;
            counts.set(stack, sum < 0 ? Long.MAX_VALUE : sum);
        }
    }

    long threadIdKey() {
        return threadIdKey;
    }

    long threadNameKey() {
        return threadNameKey;
    }

    long pidKey() {
        return pidKey;
    }

    private int location(Frame frame) {
        // Functions are named by their full file, which pprof's source listings (-list, -weblist) can open.
        int function = functions.intern(new FunctionKey(strings.index(frame.name()), strings.index(frame.filename())));
        return locations.intern(new LocationKey(function, lineNumbers ? frame.line() : 0));
    }

    private SampleThread thread(StackTrace trace) {
        // A stack read back from collapsed stacks has no thread: then it gets no thread_id label either.
        boolean threadKnown = trace.threadId() != 0 || trace.hasOsThreadId();
        return new SampleThread(threadKnown ? strings.index(ThreadIds.format(trace)) : 0,
                trace.threadName() == null ? 0 : strings.index(trace.threadName()),
                trace.processInfo() == null ? SampleThread.NO_PID : trace.pid());
    }

    /** A function: its name and file, as string-table indices. */
    record FunctionKey(long name, long filename) {
    }

    /** A location: a function (by its index in {@link #functions}) at one line, 0 when unknown or hidden. */
    record LocationKey(int function, long line) {
    }
}
