// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.flamegraph;

import dev.pyspy4j.output.support.StackAggregator;
import dev.pyspy4j.output.support.StackAggregator.Node;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Where each merged frame goes: a frame's bar starts where its parent's does plus the samples of the siblings
 * before it (siblings in label order, as flamegraph.pl and inferno sort them), spans its samples, and sits one row
 * below its parent; an extra {@code all} frame at row 0 spans every sample. Frames whose bars would be narrower than
 * {@link Geometry#minWidth()} are left out with everything below them.
 */
final class FlameGraphLayout {
    static final String ROOT_LABEL = "all";

    private final StackAggregator stacks;
    private final Geometry geometry;

    FlameGraphLayout(StackAggregator stacks, Geometry geometry) {
        this.stacks = stacks;
        this.geometry = geometry;
    }

    Geometry geometry() {
        return geometry;
    }

    long totalSamples() {
        return stacks.totalSamples();
    }

    /** The deepest row drawn, 0 when only {@code all} is; -1 without samples. */
    int maxDepth() throws IOException {
        int[] deepest = {-1};
        forEachFrame(frame -> deepest[0] = Math.max(deepest[0], frame.depth()));
        return deepest[0];
    }

    /** The x coordinate of a sample position. */
    double x(long samplePosition) {
        return geometry.pad() + width(samplePosition);
    }

    /** The width of a number of samples. */
    double width(long samples) {
        return (double) samples * geometry.plotWidth() / totalSamples();
    }

    /** Calls {@code sink} for every frame drawn, parents before children, siblings in label order. */
    void forEachFrame(FrameSink sink) throws IOException {
        if (totalSamples() == 0) {
            return;
        }
        // Iterative, because Python stacks can be thousands of frames deep.
        Deque<Placed> pending = new ArrayDeque<>();
        pending.push(new Placed(stacks.root(), ROOT_LABEL, 0, 0));
        while (!pending.isEmpty()) {
            Placed placed = pending.pop();
            sink.accept(new LaidOutFrame(placed.label, placed.start, placed.node.total(), placed.depth));
            pushChildren(placed, pending);
        }
    }

    private void pushChildren(Placed parent, Deque<Placed> pending) {
        List<Node> children = stacks.sortedChildren(parent.node);
        long[] starts = new long[children.size()];
        long next = parent.start;
        for (int i = 0; i < children.size(); i++) {
            starts[i] = next;
            next += children.get(i).total();
        }
        // Pushed last to first, so that they are drawn first to last.
        for (int i = children.size() - 1; i >= 0; i--) {
            Node child = children.get(i);
            if (width(child.total()) >= geometry.minWidth()) {
                pending.push(new Placed(child, stacks.label(child), starts[i], parent.depth + 1));
            }
        }
    }

    /** A node waiting to be drawn, with its label, first sample and row. */
    private record Placed(Node node, String label, long start, int depth) {
    }

    /**
     * One bar of the graph.
     *
     * @param start   samples before it in its row
     * @param samples samples in it
     * @param depth   its row, 0 at the top
     */
    record LaidOutFrame(String label, long start, long samples, int depth) {
    }

    /** Receives the frames to draw. */
    @FunctionalInterface
    interface FrameSink {
        void accept(LaidOutFrame frame) throws IOException;
    }
}
