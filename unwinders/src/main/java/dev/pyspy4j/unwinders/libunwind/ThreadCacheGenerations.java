// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.unwinders.libunwind;

/**
 * Keeps libunwind's per-thread cache of unwind rules from serving one process's rules to another. That cache is
 * keyed by instruction address alone and shared by every address space a thread unwinds; libunwind empties it only
 * when the address space in use has a different cache generation from the one the cache was filled under. Every
 * address space starts at generation 0 and each flush adds one, so two processes sampled from one thread (a process
 * tree) could share a generation, and a library at the same address in both would get the other's rules. So
 * whenever a thread switches to another address space, that space is flushed up to a generation no space has had.
 * Flushing costs a few stores; the rules are relearnt on the next unwinds.
 */
final class ThreadCacheGenerations {
    /** A flush of one address space, which adds one to its generation. */
    interface Flush {
        void run();
    }

    private static final ThreadLocal<ThreadCacheGenerations> LAST_ON_THREAD = new ThreadLocal<>();
    private static long highestIssued;

    private final Flush flush;
    private long generation;

    ThreadCacheGenerations(Flush flush) {
        this.flush = flush;
    }

    /** Call before unwinding with this address space on the current thread. */
    void beforeUnwind() {
        if (LAST_ON_THREAD.get() == this) {
            return;
        }
        long target = claimUnusedGeneration();
        while (generation < target) {
            flush.run();
            generation++;
        }
        LAST_ON_THREAD.set(this);
    }

    /** Call instead of flushing the address space directly. */
    void flush() {
        flush.run();
        generation++;
        raiseHighest(generation);
    }

    /** Call when the address space is destroyed, so that the current thread does not keep it reachable. */
    void forget() {
        if (LAST_ON_THREAD.get() == this) {
            LAST_ON_THREAD.remove();
        }
    }

    long generation() {
        return generation;
    }

    private static synchronized long claimUnusedGeneration() {
        highestIssued++;
        return highestIssued;
    }

    private static synchronized void raiseHighest(long generation) {
        highestIssued = Math.max(highestIssued, generation);
    }
}
