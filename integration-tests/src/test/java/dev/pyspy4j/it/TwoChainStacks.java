// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stacks of a program whose threads switch between two call chains, {@code a_outer > a_middle > a_leaf} and
 * the {@code b_} ones, never mixed: which sampled stacks the program can have had, and in which chain each one is.
 */
final class TwoChainStacks {
    private static final Pattern CHAIN_FRAME = Pattern.compile("([ab])_(outer|middle|leaf) \\(.*");
    private static final List<String> CHAIN = List.of("outer", "middle", "leaf");

    private TwoChainStacks() {
    }

    /**
     * The stacks whose chain frames (innermost last) are not a start of one chain: {@code a_outer}, then
     * {@code a_middle}, then {@code a_leaf}, never a {@code b_} frame among them, and nothing after them.
     */
    static List<List<String>> impossible(RawProfile profile) {
        List<List<String>> impossible = new ArrayList<>();
        for (List<String> stack : profile.stacks().keySet()) {
            int first = firstChainFrame(stack);
            if (first < 0) {
                continue;
            }
            String chain = null;
            for (int depth = 0; first + depth < stack.size(); depth++) {
                Matcher frame = CHAIN_FRAME.matcher(stack.get(first + depth));
                boolean inOrder = depth < CHAIN.size() && frame.matches()
                        && (chain == null || chain.equals(frame.group(1))) && CHAIN.get(depth).equals(frame.group(2));
                if (!inOrder) {
                    impossible.add(stack);
                    break;
                }
                chain = frame.group(1);
            }
        }
        return impossible;
    }

    /** Samples whose stack is in chain {@code chain} ({@code "a"} or {@code "b"}): its outermost chain frame. */
    static long inChain(RawProfile profile, String chain) {
        return profile.count(stack -> {
            int first = firstChainFrame(stack);
            if (first < 0) {
                return false;
            }
            Matcher frame = CHAIN_FRAME.matcher(stack.get(first));
            return frame.matches() && frame.group(1).equals(chain);
        });
    }

    private static int firstChainFrame(List<String> stack) {
        for (int i = 0; i < stack.size(); i++) {
            if (CHAIN_FRAME.matcher(stack.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }
}
