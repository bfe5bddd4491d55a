// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.support;

import dev.pyspy4j.spi.model.Frame;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Counts samples per distinct stack of frame labels, as a call tree keyed root first: memory grows with the
 * distinct stacks seen, not with the samples. Each label is stored once (see {@link Interner}); a node's
 * {@code self} count is the samples whose stack ends there, its {@code total} the samples that pass through it.
 * Stacks are visited in a fixed order, labels compared root first, a stack before its extensions, so outputs do
 * not depend on hash order as py-spy's do. Not thread-safe.
 */
public final class StackAggregator {
    private static final int LABEL_SLOTS = 4096;

    private final Interner<String> labels = new Interner<>();
    private final Node root = new Node(-1);
    private final UnaryOperator<String> relabel;
    /** The frames labelled recently, by slot of their identity, with their label's id (see labelId). */
    private final Frame[] labelledFrames = new Frame[LABEL_SLOTS];
    private final boolean[] labelledWithLines = new boolean[LABEL_SLOTS];
    private final Integer[] labelIds = new Integer[LABEL_SLOTS];

    /** An aggregator that keeps labels as {@link FrameLabels} makes them. */
    public StackAggregator() {
        this(UnaryOperator.identity());
    }

    /**
     * An aggregator that rewrites every label from a trace before counting, so that labels a format cannot tell
     * apart are merged rather than written twice.
     */
    public StackAggregator(UnaryOperator<String> relabel) {
        this.relabel = relabel;
    }

    /** Adds one sample of {@code trace}, labelling its frames with {@link FrameLabels}. */
    public void add(StackTrace trace, boolean lineNumbers) {
        add(trace, lineNumbers, 1);
    }

    /** Adds {@code count} samples of {@code trace}, labelling its frames with {@link FrameLabels}. */
    public void add(StackTrace trace, boolean lineNumbers, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        List<Frame> frames = trace.frames();
        Node node = root;
        node.total += count;
        // Frames are leaf first; the tree is keyed root first.
        for (int i = frames.size() - 1; i >= 0; i--) {
            node = node.child(labelId(frames.get(i), lineNumbers));
            node.total += count;
        }
        node.self += count;
    }

    /**
     * The id of {@code frame}'s label. Samplers hand out the same frame object for the same frame sample after
     * sample, so the label of a frame seen recently is remembered by the frame's identity: a steady stack is then
     * counted without building a label string per frame per sample. A small direct-mapped table keeps the memory
     * bounded; a frame that misses is labelled as usual.
     */
    private Integer labelId(Frame frame, boolean lineNumbers) {
        int slot = (System.identityHashCode(frame) * 2 + (lineNumbers ? 1 : 0)) & (LABEL_SLOTS - 1);
        if (labelledFrames[slot] == frame && labelledWithLines[slot] == lineNumbers) {
            return labelIds[slot];
        }
        Integer id = labels.intern(relabel.apply(FrameLabels.label(frame, lineNumbers)));
        labelledFrames[slot] = frame;
        labelledWithLines[slot] = lineNumbers;
        labelIds[slot] = id;
        return id;
    }

    /** Adds {@code count} samples of a stack given by its labels, root first, taken as they are. */
    public void add(List<String> labelsRootFirst, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        Node node = root;
        node.total += count;
        for (String label : labelsRootFirst) {
            node = node.child(labels.intern(label));
            node.total += count;
        }
        node.self += count;
    }

    /** The samples added. */
    public long totalSamples() {
        return root.total;
    }

    /** The node above every stack's root frame; its {@code self} counts stacks without frames. */
    public Node root() {
        return root;
    }

    /** The label of a node other than the root. */
    public String label(Node node) {
        return labels.get(node.label);
    }

    /** A node's children, ordered by label. */
    public List<Node> sortedChildren(Node node) {
        if (node.children == null) {
            return List.of();
        }
        List<Node> sorted = new ArrayList<>(node.children.values());
        sorted.sort((a, b) -> label(a).compareTo(label(b)));
        return sorted;
    }

    /** Calls {@code visitor} once per distinct stack with samples ending there, in the order described above. */
    public void forEachStack(StackVisitor visitor) {
        // Iterative, because Python stacks can be thousands of frames deep.
        List<String> path = new ArrayList<>();
        List<String> view = Collections.unmodifiableList(path);
        Deque<Iterator<Node>> pending = new ArrayDeque<>();
        if (root.self > 0) {
            visitor.visit(view, root.self);
        }
        pending.push(sortedChildren(root).iterator());
        while (!pending.isEmpty()) {
            Iterator<Node> siblings = pending.peek();
            if (!siblings.hasNext()) {
                pending.pop();
                if (!path.isEmpty()) {
                    path.remove(path.size() - 1);
                }
                continue;
            }
            Node child = siblings.next();
            path.add(label(child));
            if (child.self > 0) {
                visitor.visit(view, child.self);
            }
            pending.push(sortedChildren(child).iterator());
        }
    }

    /** Receives the distinct stacks of a {@link StackAggregator}. */
    @FunctionalInterface
    public interface StackVisitor {
        /**
         * @param labelsRootFirst the stack, root first; a view valid only during the call
         * @param count           the samples of exactly this stack
         */
        void visit(List<String> labelsRootFirst, long count);
    }

    /** One frame label at one position of the call tree. */
    public static final class Node {
        private final int label;
        private long self;
        private long total;
        private Map<Integer, Node> children;

        private Node(int label) {
            this.label = label;
        }

        private Node child(Integer childLabel) {
            if (children == null) {
                children = new HashMap<>(4);
            }
            return children.computeIfAbsent(childLabel, Node::new);
        }

        /** Samples whose stack ends at this node. */
        public long self() {
            return self;
        }

        /** Samples whose stack passes through this node. */
        public long total() {
            return total;
        }

        public boolean hasChildren() {
            return children != null;
        }
    }
}
