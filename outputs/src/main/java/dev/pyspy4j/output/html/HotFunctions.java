// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.output.html;

import dev.pyspy4j.output.html.CallTree.FrameAt;
import dev.pyspy4j.output.html.CallTree.Function;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The functions whose source the report embeds, and the lines it needs of each file: the functions with the most
 * samples of their own (where the time went) and those with the most samples in total (what to read first when the
 * time is spread over callees), over all threads. A function's total counts a sample once however often the
 * function recurs in its stack.
 */
final class HotFunctions {
    /** How many functions are taken by own samples, and how many by total samples. */
    static final int BY_OWN = 20;
    static final int BY_TOTAL = 20;

    private final long[] own;
    private final long[] total;
    private final List<Integer> hottest;
    private final Map<Integer, SortedSet<Integer>> linesByFile;

    private HotFunctions(long[] own, long[] total, List<Integer> hottest,
                         Map<Integer, SortedSet<Integer>> linesByFile) {
        this.own = own;
        this.total = total;
        this.hottest = hottest;
        this.linesByFile = linesByFile;
    }

    /** Counts every function of {@code tree} and picks the hottest. */
    static HotFunctions of(CallTree tree) {
        int nodeCount = tree.nodes().size();
        long[] nodeSelf = new long[nodeCount];
        for (int entry = 0; entry < tree.sampleEntries(); entry++) {
            int node = tree.sampleKey(entry).node();
            if (node != CallTree.NO_NODE) {
                nodeSelf[node] += tree.sampleCount(entry);
            }
        }
        long[] nodeTotal = nodeSelf.clone();
        // A node is interned after its parent, so one backward pass adds every subtree into its root.
        for (int node = nodeCount - 1; node >= 0; node--) {
            int parent = tree.nodes().get(node).parent();
            if (parent != CallTree.NO_PARENT) {
                nodeTotal[parent] += nodeTotal[node];
            }
        }
        int functionCount = tree.functions().size();
        long[] own = new long[functionCount];
        for (int node = 0; node < nodeCount; node++) {
            own[functionOf(tree, node)] += nodeSelf[node];
        }
        long[] total = totals(tree, nodeTotal, functionCount);
        List<Integer> hottest = pick(tree, own, total);
        return new HotFunctions(own, total, hottest, linesByFile(tree, hottest));
    }

    /**
     * Each function's samples counted once per stack: the sum of the totals of its outermost nodes, those with no
     * node of the same function above them. Walks the tree depth first keeping how often each function is on the
     * path; iterative, as Python stacks can be thousands of frames deep.
     */
    private static long[] totals(CallTree tree, long[] nodeTotal, int functionCount) {
        int nodeCount = nodeTotal.length;
        int[] childStart = new int[nodeCount + 2];
        for (int node = 0; node < nodeCount; node++) {
            childStart[tree.nodes().get(node).parent() + 2]++;
        }
        for (int i = 1; i < childStart.length; i++) {
            childStart[i] += childStart[i - 1];
        }
        // Children of node p (p = -1 for the tops) are children[childStart[p + 1] .. childStart[p + 2]).
        int[] children = new int[nodeCount];
        int[] filled = childStart.clone();
        for (int node = 0; node < nodeCount; node++) {
            children[filled[tree.nodes().get(node).parent() + 1]++] = node;
        }
        long[] total = new long[functionCount];
        int[] onPath = new int[functionCount];
        // Entries >= 0 enter a node; an entry -1 - n leaves node n.
        int[] pending = new int[2 * nodeCount];
        int top = 0;
        for (int i = childStart[0]; i < childStart[1]; i++) {
            pending[top++] = children[i];
        }
        while (top > 0) {
            int entry = pending[--top];
            if (entry < 0) {
                onPath[functionOf(tree, -1 - entry)]--;
                continue;
            }
            int function = functionOf(tree, entry);
            if (onPath[function]++ == 0) {
                total[function] += nodeTotal[entry];
            }
            pending[top++] = -1 - entry;
            for (int i = childStart[entry + 1]; i < childStart[entry + 2]; i++) {
                pending[top++] = children[i];
            }
        }
        return total;
    }

    private static int functionOf(CallTree tree, int node) {
        return tree.frames().get(tree.nodes().get(node).frame()).function();
    }

    private static List<Integer> pick(CallTree tree, long[] own, long[] total) {
        List<Integer> candidates = IntStream.range(0, own.length)
                .filter(function -> hasSourceFile(tree, function)).boxed().toList();
        Set<Integer> picked = new LinkedHashSet<>();
        candidates.stream().filter(function -> own[function] > 0)
                .sorted(Comparator.comparingLong((Integer function) -> -own[function]).thenComparing(f -> f))
                .limit(BY_OWN).forEach(picked::add);
        candidates.stream().sorted(Comparator.comparingLong((Integer function) -> -total[function])
                .thenComparing(f -> f)).limit(BY_TOTAL).forEach(picked::add);
        return List.copyOf(picked);
    }

    /** Pseudo-frames such as {@code thread (4242): MainThread} have no file and so no source. */
    private static boolean hasSourceFile(CallTree tree, int function) {
        return !tree.strings().get(tree.functions().get(function).file()).isEmpty();
    }

    private static Map<Integer, SortedSet<Integer>> linesByFile(CallTree tree, List<Integer> hottest) {
        Set<Integer> wanted = Set.copyOf(hottest);
        Map<Integer, SortedSet<Integer>> lines = new TreeMap<>();
        for (int frame = 0; frame < tree.frames().size(); frame++) {
            FrameAt at = tree.frames().get(frame);
            if (at.line() > 0 && wanted.contains(at.function())) {
                Function function = tree.functions().get(at.function());
                lines.computeIfAbsent(function.file(), file -> new TreeSet<>()).add(at.line());
            }
        }
        return lines;
    }

    /** Samples in which {@code function} was the leaf. */
    long own(int function) {
        return own[function];
    }

    /** Samples in which {@code function} was anywhere on the stack, each counted once. */
    long total(int function) {
        return total[function];
    }

    /** The picked functions: by own samples first, then by total, each once. */
    List<Integer> hottest() {
        return hottest;
    }

    /** The sampled lines of the picked functions, by the string index of their file. */
    Map<Integer, SortedSet<Integer>> linesByFile() {
        return linesByFile;
    }
}
