// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python.walk;

/**
 * Detects a loop in a frame chain (torn memory: a frame whose link was rewritten while it was copied) in constant
 * memory, with Brent's algorithm: one remembered address, moved to the current one after 1, 2, 4, 8... steps; a
 * chain that loops comes back to it within at most twice its length plus the loop's.
 */
final class ChainGuard {
    private long remembered;
    private long steps;
    private long power = 1;

    /**
     * Called with each address of the chain in order; never with 0, which ends a chain.
     *
     * @throws TornSampleException when {@code address} was seen before
     */
    void visit(long address) {
        if (address == remembered) {
            throw new TornSampleException("frame chain loops back to 0x" + Long.toHexString(address));
        }
        if (++steps == power) {
            remembered = address;
            power <<= 1;
            steps = 0;
        }
    }
}
