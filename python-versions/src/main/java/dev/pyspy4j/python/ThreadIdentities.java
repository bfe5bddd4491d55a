// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import dev.pyspy4j.python.walk.LongKeyMap;
import java.util.Optional;

/**
 * Which thread each thread state belonged to when the last sample was decoded: its ids as the interpreter records
 * them and its OS thread id on this machine. Thread states are freed and their memory reused by later threads, so
 * a lookup is only a guess until the ids recorded in the thread state are seen to be the same again.
 */
final class ThreadIdentities {
    /** One thread state's owner. */
    record Identity(long threadId, long nativeThreadId, long hostThreadId) {
    }

    // Keyed by the thread state's address without boxing it: every sample records every thread.
    private LongKeyMap<Identity> current = new LongKeyMap<>();
    private LongKeyMap<Identity> next = new LongKeyMap<>();

    /** Starts the identities of a new sample; the previous sample's stay visible until {@link #publish}. */
    void begin() {
        next.clear();
    }

    void record(long threadState, long threadId, long nativeThreadId, long hostThreadId) {
        if (hostThreadId == 0) {
            return;
        }
        // Every sample records every thread, and owners rarely change: keep the previous entry when it still holds.
        Identity known = current.get(threadState);
        boolean unchanged = known != null && known.threadId() == threadId && known.nativeThreadId() == nativeThreadId
                && known.hostThreadId() == hostThreadId;
        next.put(threadState, unchanged ? known : new Identity(threadId, nativeThreadId, hostThreadId));
    }

    /** Makes the identities recorded since {@link #begin} the ones {@link #of} answers with. */
    void publish() {
        LongKeyMap<Identity> previous = current;
        current = next;
        next = previous;
    }

    /** The OS thread id on this machine of the owner of {@code threadState} at the last published sample; 0 if none. */
    long hostThreadIdOf(long threadState) {
        Identity owner = current.get(threadState);
        return owner == null ? 0 : owner.hostThreadId();
    }

    /** The owner of {@code threadState} at the last published sample. */
    Optional<Identity> of(long threadState) {
        return Optional.ofNullable(current.get(threadState));
    }
}
