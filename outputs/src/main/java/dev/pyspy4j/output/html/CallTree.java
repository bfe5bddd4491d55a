// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import dev.pyspy4j.output.support.Interner;
import dev.pyspy4j.output.support.LongList;
import dev.pyspy4j.output.support.ThreadIds;
import dev.pyspy4j.output.support.ThreadKey;
import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recording as the report embeds it: every string, function, frame (a function at a line) and call-tree node
 * stored once and named by a dense index, and the samples as counts per node and thread. The threads share one tree,
 * so "all threads" merges equal stacks as a flame graph does, while each thread's own counts let the page show any
 * one of them. Memory grows with the distinct frames and stacks, not with the samples. Not thread-safe.
 */
final class CallTree {
    /** The parent of a node called from no other frame: the top of its stack. */
    static final int NO_PARENT = -1;
    /** The node of a sample without frames. */
    static final int NO_NODE = -1;

    private final Interner<String> strings = new Interner<>();
    private final Interner<Function> functions = new Interner<>();
    private final Interner<FrameAt> frames = new Interner<>();
    private final Interner<Node> nodes = new Interner<>();
    private final Interner<ThreadKey> threadKeys = new Interner<>();
    private final List<String> threadLabels = new ArrayList<>();
    private final Interner<NodeOfThread> sampleKeys = new Interner<>();
    private final LongList sampleCounts = new LongList();
    private final Map<ThreadKey, LastStack> lastStacks = new HashMap<>();
    private long totalSamples;

    /** Adds {@code count} samples of {@code trace}; with {@code lineNumbers} off every frame's line counts as 0. */
    void add(StackTrace trace, boolean lineNumbers, long count) {
        ThreadKey key = ThreadKey.of(trace);
        int thread = threadKeys.intern(key);
        if (thread == threadLabels.size()) {
            threadLabels.add(label(trace));
        }
        LastStack last = lastStacks.computeIfAbsent(key, k -> new LastStack());
        List<Frame> leafFirst = trace.frames();
        if (!last.isSame(leafFirst)) {
            last.remember(leafFirst, internStack(leafFirst, lineNumbers));
        }
        int sample = sampleKeys.intern(new NodeOfThread(last.node, thread));
        if (sample == sampleCounts.size()) {
            sampleCounts.add(0);
        }
        sampleCounts.set(sample, sampleCounts.get(sample) + count);
        totalSamples += count;
    }

    private static String label(StackTrace trace) {
        String name = trace.threadName() == null ? "Thread" : trace.threadName();
        String label = name + " (" + ThreadIds.format(trace) + ")";
        return trace.processInfo() == null ? label : label + " of process " + trace.pid();
    }

    private int internStack(List<Frame> leafFirst, boolean lineNumbers) {
        int node = NO_NODE;
        for (int i = leafFirst.size() - 1; i >= 0; i--) {
            node = nodes.intern(new Node(node, internFrame(leafFirst.get(i), lineNumbers)));
        }
        return node;
    }

    private int internFrame(Frame frame, boolean lineNumbers) {
        int function = functions.intern(new Function(strings.intern(frame.name()), strings.intern(frame.filename()),
                strings.intern(frame.displayFilename())));
        return frames.intern(new FrameAt(function, lineNumbers ? Math.max(frame.line(), 0) : 0));
    }

    Interner<String> strings() {
        return strings;
    }

    Interner<Function> functions() {
        return functions;
    }

    Interner<FrameAt> frames() {
        return frames;
    }

    Interner<Node> nodes() {
        return nodes;
    }

    int threads() {
        return threadKeys.size();
    }

    /** The name a thread is shown by, e.g. {@code MainThread (4242)}. */
    String threadLabel(int thread) {
        return threadLabels.get(thread);
    }

    /** How many (node, thread) pairs have samples. */
    int sampleEntries() {
        return sampleKeys.size();
    }

    NodeOfThread sampleKey(int entry) {
        return sampleKeys.get(entry);
    }

    long sampleCount(int entry) {
        return sampleCounts.get(entry);
    }

    long totalSamples() {
        return totalSamples;
    }

    /** A function: its name, the file the interpreter knows, and the file as shown, as string indexes. */
    record Function(int name, int file, int displayFile) {
    }

    /** A function at a line; the line is 0 when unknown or hidden. */
    record FrameAt(int function, int line) {
    }

    /** A frame called from the node {@code parent}, or from no frame when that is {@link #NO_PARENT}. */
    record Node(int parent, int frame) {
    }

    /** The stack a sample ended at, by its deepest node ({@link #NO_NODE} for no frames), in one thread. */
    record NodeOfThread(int node, int thread) {
    }

    /**
     * The frames of a thread's last sample and the node they ended at. Samplers hand out the very same frame
     * objects while a stack stays the same, so a steady thread costs one comparison per frame, not a lookup.
     */
    private static final class LastStack {
        private List<Frame> frames;
        private int node;

        boolean isSame(List<Frame> leafFirst) {
            if (frames == null || frames.size() != leafFirst.size()) {
                return false;
            }
            for (int i = 0; i < leafFirst.size(); i++) {
                if (frames.get(i) != leafFirst.get(i)) {
                    return false;
                }
            }
            return true;
        }

        void remember(List<Frame> leafFirst, int deepestNode) {
            frames = leafFirst;
            node = deepestNode;
        }
    }
}
