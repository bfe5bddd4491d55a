// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.gecko;

import dev.pyspy4j.output.support.IntList;
import dev.pyspy4j.output.support.Interner;
import dev.pyspy4j.output.support.LongList;
import dev.pyspy4j.output.support.ThreadIds;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.List;

/**
 * One thread's track: its own string, function, frame and stack tables, as the processed profile format keeps them
 * per thread, and its samples in the order they were taken. Memory grows with the distinct frames and stack
 * prefixes, plus a stack index and a time per sample; a weight per sample only once a sample stands for several.
 */
final class GeckoThread {
    /** The stack index of a sample without frames: the profiler's "no stack". */
    static final int NO_STACK = -1;

    private final String name;
    private final long pid;
    private final String tid;
    private final boolean mainThread;
    private final String processName;
    private final Interner<String> strings = new Interner<>();
    private final Interner<Func> funcs = new Interner<>();
    private final Interner<FrameEntry> frames = new Interner<>();
    private final Interner<StackNode> stacks = new Interner<>();
    private final IntList sampleStacks = new IntList();
    private final LongList sampleNanos = new LongList();
    private LongList sampleWeights;
    private List<Frame> lastFrames;
    private boolean lastActive;
    private int lastStack;

    GeckoThread(StackTrace first) {
        this.pid = first.pid();
        // The OS thread id, else the interpreter's pthread id in hex, as the other formats name threads.
        this.tid = ThreadIds.format(first);
        this.name = (first.threadName() == null ? "Thread" : first.threadName()) + " (" + tid + ")";
        // Linux gives a process's first thread the process's id; the profiler makes that thread the process's track.
        this.mainThread = first.hasOsThreadId() && first.osThreadId() == first.pid();
        // Without a name the profiler calls every process by Firefox's name for its main one, "Parent Process".
        this.processName = first.processInfo() == null ? "Python" : first.processInfo().commandLine();
    }

    private GeckoThread(String name) {
        this.pid = 0;
        this.tid = "0";
        this.name = name;
        this.mainThread = true;
        this.processName = "Python";
    }

    /**
     * A track without samples, for a recording that sampled no thread: the profiler refuses a profile without
     * threads ("nothing to display"), while an empty recording is still a valid file that opens.
     */
    static GeckoThread withoutSamples() {
        return new GeckoThread("No samples");
    }

    /** Adds {@code count} samples of {@code trace} taken {@code elapsedNanos} after the recording started. */
    void add(StackTrace trace, long elapsedNanos, long count, boolean lineNumbers) {
        int stack = intern(trace, lineNumbers);
        if (count != 1 && sampleWeights == null) {
            sampleWeights = new LongList();
            for (int i = 0; i < sampleStacks.size(); i++) {
                sampleWeights.add(1);
            }
        }
        sampleStacks.add(stack);
        sampleNanos.add(elapsedNanos);
        if (sampleWeights != null) {
            sampleWeights.add(count);
        }
    }

    private int intern(StackTrace trace, boolean lineNumbers) {
        List<Frame> leafFirst = trace.frames();
        if (sameAsLast(leafFirst, trace.active())) {
            return lastStack;
        }
        lastFrames = leafFirst;
        lastActive = trace.active();
        lastStack = internAll(trace, lineNumbers);
        return lastStack;
    }

    /**
     * Whether {@code leafFirst} holds the very frame objects of the last sample: samplers hand out the same frame
     * objects while a stack stays the same, so a steady thread costs a comparison per frame, not a lookup.
     */
    private boolean sameAsLast(List<Frame> leafFirst, boolean active) {
        if (lastFrames == null || active != lastActive || leafFirst.size() != lastFrames.size()) {
            return false;
        }
        for (int i = 0; i < leafFirst.size(); i++) {
            if (leafFirst.get(i) != lastFrames.get(i)) {
                return false;
            }
        }
        return true;
    }

    private int internAll(StackTrace trace, boolean lineNumbers) {
        List<Frame> leafFirst = trace.frames();
        int prefix = NO_STACK;
        for (int i = leafFirst.size() - 1; i >= 0; i--) {
            Frame frame = leafFirst.get(i);
            GeckoCategory category = i == 0 && !trace.active() ? GeckoCategory.IDLE : GeckoCategory.of(frame);
            int func = funcs.intern(new Func(strings.intern(frame.name()), strings.intern(frame.filename())));
            int line = lineNumbers ? frame.line() : 0;
            int frameIndex = frames.intern(new FrameEntry(func, line, category));
            prefix = stacks.intern(new StackNode(prefix, frameIndex));
        }
        return prefix;
    }

    String name() {
        return name;
    }

    long pid() {
        return pid;
    }

    String tid() {
        return tid;
    }

    boolean isMainThread() {
        return mainThread;
    }

    /** The command line of the thread's process when sampling a process tree, else {@code Python}. */
    String processName() {
        return processName;
    }

    Interner<String> strings() {
        return strings;
    }

    Interner<Func> funcs() {
        return funcs;
    }

    Interner<FrameEntry> frames() {
        return frames;
    }

    Interner<StackNode> stacks() {
        return stacks;
    }

    int samples() {
        return sampleStacks.size();
    }

    int sampleStack(int index) {
        return sampleStacks.get(index);
    }

    long sampleNanos(int index) {
        return sampleNanos.get(index);
    }

    /** Whether some sample stands for more than one, so that the weight column must be written. */
    boolean weighted() {
        return sampleWeights != null;
    }

    long sampleWeight(int index) {
        return sampleWeights == null ? 1 : sampleWeights.get(index);
    }

    /** A function: its name and file, as indexes into the thread's strings. */
    record Func(int name, int file) {
    }

    /** A frame: a function at a line (0 when unknown or hidden) in a category. */
    record FrameEntry(int func, int line, GeckoCategory category) {
    }

    /** A stack: a frame called from the stack {@code prefix}, or from nothing when it is {@link #NO_STACK}. */
    record StackNode(int prefix, int frame) {
    }
}
