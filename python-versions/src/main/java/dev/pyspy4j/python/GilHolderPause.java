// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import dev.pyspy4j.python.walk.GilSwitches;
import dev.pyspy4j.python.walk.RawSample;
import dev.pyspy4j.python.walk.RawThread;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.PauseHandle;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Copies a blocking sample with one thread stopped instead of all: the GIL's last holder. Any other thread must
 * take the GIL before it can change its Python frames, and that increments the GIL's switch count; so a copy made
 * while the last holder is stopped and the count does not move is as consistent as one made with every thread
 * stopped, while the other threads (on a busy server, hundreds waiting on locks and sockets) are left alone. When
 * that cannot be shown (the holder's thread is not known yet, the count moved, a read failed) the copy is
 * abandoned and the caller stops every thread instead.
 */
final class GilHolderPause {
    /** A copy and how long its thread was held. */
    record Copy(RawSample raw, long pausedNanos) {
    }

    /**
     * Looks at the GIL at most this often per copy: its holder may change between a look and the stop, and each
     * attempt after such a change stops one more of the threads that take turns at it.
     */
    private static final int ATTEMPTS = 6;
    /** How many of the last holders of the GIL are remembered, to be stopped with the holder once it moved. */
    private static final int RECENT_HOLDERS = 16;

    /** Makes a copy; given looks, it has its first batched read make them around the copy's ranges. */
    @FunctionalInterface
    interface Copier {
        /** @param looks null for a copy without looks at the GIL */
        RawSample copy(GilSwitches.Looks looks);
    }

    private final TargetProcess target;
    private final long interpreter;
    private final GilSwitches switches;
    private final ThreadIdentities identities;
    private final Consumer<RawSample> learner;
    private final GilSwitches.Looks looks;
    /**
     * The GIL as the last copy left it, to pick the thread to stop for the next one; empty when the holder changed
     * between the last two copies, so that the next one looks first.
     */
    private Optional<GilSwitches.Reading> lastSeen = Optional.empty();
    /** The thread state that held the GIL at the last copy; 0 before the first. */
    private long lastHolder;
    /**
     * The OS thread ids of the last threads seen holding the GIL, oldest first: threads waiting for the GIL sleep
     * (the OS calls them idle), so these, not the running threads alone, are the ones that may take it next.
     */
    private final Set<Long> recentHolders = new LinkedHashSet<>();
    private long copies;
    private long abandoned;

    /**
     * @param identities who owns each thread state, as the last decoded sample showed
     * @param learner    fills {@code identities} from a copy made without stopping any thread
     */
    GilHolderPause(TargetProcess target, long interpreter, GilSwitches switches, ThreadIdentities identities,
                   Consumer<RawSample> learner) {
        this.target = target;
        this.interpreter = interpreter;
        this.switches = switches;
        this.identities = identities;
        this.learner = learner;
        this.looks = switches.looks();
    }

    /** The copy made by {@code copier} with only the holder stopped, or empty when every thread must be. */
    Optional<Copy> copy(Copier copier) {
        return copy(copier, List::of);
    }

    /**
     * The copy made by {@code copier} with only the holder stopped, or, when the GIL changed hands before its
     * holder could be stopped or during the copy, with the new holder, the last holders and every thread in
     * {@code running} stopped (the threads that take turns at the GIL are among them, so that the next holder is
     * likely stopped already); empty when every thread must be.
     *
     * @param running the OS thread ids of the threads last seen running, asked for only once the GIL moved
     */
    Optional<Copy> copy(Copier copier, Supplier<? extends Collection<Long>> running) {
        copies++;
        Optional<Copy> copy = tryCopy(copier, running);
        if (copy.isEmpty()) {
            abandoned++;
        }

        return copy;
    }

    /** How many copies were attempted with only the holder stopped, and how many of them were abandoned. */
    record Counts(long attempted, long abandoned) {
    }

    Counts counts() {
        return new Counts(copies, abandoned);
    }

    /**
     * Picks the thread to stop from a look at the GIL: the look the last copy ended with when the holder had not
     * changed since the copy before (one thread computing keeps the GIL from sample to sample, and stopping a
     * thread that no longer holds it is only a wasted attempt: the look made once it is stopped tells), a look of its
     * own otherwise (threads that take turns at the GIL would make most such stops wasted ones).
     */
    private Optional<Copy> tryCopy(Copier copier, Supplier<? extends Collection<Long>> running) {
        boolean learnt = false;
        // Once the GIL is seen to change hands (or may have, over a look at every thread), the running threads are
        // stopped with its holder.
        boolean widened = false;
        Optional<GilSwitches.Reading> seen = lastSeen.isPresent() ? lastSeen : look();
        lastSeen = Optional.empty();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (seen.isEmpty()) {
                return Optional.empty();
            }
            long holder = seen.get().lastHolder();
            Optional<ThreadIdentities.Identity> owner = holder == 0 ? Optional.empty() : identities.of(holder);
            if (holder != 0 && owner.isEmpty()) {
                if (learnt || !learn(copier)) {
                    return Optional.empty();
                }
                // The look took a while, in which the GIL may have changed hands: look at it again.
                learnt = true;
                widened = true;
                seen = look();
                continue;
            }
            owner.ifPresent(identity -> rememberHolder(identity.hostThreadId()));
            List<Long> holderThread = owner.map(identity -> List.of(identity.hostThreadId())).orElse(List.of());
            Attempt result = copyWhileStopped(copier, holder, owner,
                    widened ? withRecentHoldersAndRunning(holderThread, running) : holderThread);
            if (!result.holderMoved()) {
                boolean sameHolder = result.gil().isPresent() && result.gil().get().lastHolder() == lastHolder;
                lastHolder = result.gil().map(GilSwitches.Reading::lastHolder).orElse(0L);
                lastSeen = sameHolder ? result.gil() : Optional.empty();
                return result.copy();
            }
            seen = result.gil();
            widened = true;
        }
        return Optional.empty();
    }

    private void rememberHolder(long tid) {
        recentHolders.remove(tid);
        recentHolders.add(tid);
        if (recentHolders.size() > RECENT_HOLDERS) {
            recentHolders.remove(recentHolders.iterator().next());
        }
    }

    /** The threads to stop once the GIL was seen to move: the holder, the last holders and the running ones. */
    private Set<Long> withRecentHoldersAndRunning(List<Long> holderThread,
                                                  Supplier<? extends Collection<Long>> running) {
        Set<Long> threads = new LinkedHashSet<>(holderThread);
        threads.addAll(recentHolders);
        threads.addAll(running.get());
        return threads;
    }

    private Optional<GilSwitches.Reading> look() {
        return switches.read(target.memory(), interpreter);
    }

    /**
     * The outcome of one attempt: a copy, none (stop every thread), or none yet (try again with the new holder);
     * with the GIL as last seen: after the copy, or once the thread that was thought to hold it was stopped.
     */
    private record Attempt(Optional<Copy> copy, boolean holderMoved, Optional<GilSwitches.Reading> gil) {
        static final Attempt ABANDONED = new Attempt(Optional.empty(), false, Optional.empty());

        static Attempt holderMoved(GilSwitches.Reading gil) {
            return new Attempt(Optional.empty(), true, Optional.of(gil));
        }

        static Attempt of(Copy copy, GilSwitches.Reading gil) {
            return new Attempt(Optional.of(copy), false, Optional.of(gil));
        }
    }

    /**
     * @param stop the holder's thread, usually alone; after the GIL moved, with other threads (one that has ended
     *             meanwhile is no loss, but the holder must be stopped)
     */
    private Attempt copyWhileStopped(Copier copier, long holder, Optional<ThreadIdentities.Identity> owner,
                                     Collection<Long> stop) {
        long start = System.nanoTime();
        try (PauseHandle pause = target.pauseThreads(stop)) {
            if (owner.isPresent() && !pause.stoppedThreads().contains(owner.get().hostThreadId())) {
                return Attempt.ABANDONED;
            }
            if (!looks.prepare(target.memory(), interpreter)) {
                return Attempt.ABANDONED;
            }
            // The looks at the GIL before and after the copy come with the copy's batched read; a look of its own
            // after the copy only when the copy read more than that batch.
            RawSample raw = copier.copy(looks);
            if (!looks.read()) {
                return Attempt.ABANDONED;
            }
            GilSwitches.Reading held = looks.before();
            if (held.lastHolder() != holder) {
                return Attempt.holderMoved(held);
            }
            Optional<GilSwitches.Reading> after = looks.afterEverything() ? Optional.of(looks.after())
                    : switches.read(target.memory(), interpreter);
            if (after.isEmpty() || !ownedBy(raw, holder, owner)) {
                return Attempt.ABANDONED;
            }
            if (!after.get().equals(held)) {
                // Another thread took the GIL during the copy (the holder was stopped after letting it go): a copy
                // made again with the new holder and the running threads stopped is still far cheaper than
                // stopping every thread.
                return Attempt.holderMoved(after.get());
            }
            return Attempt.of(new Copy(raw, System.nanoTime() - start), held);
        } catch (SpyException e) {
            // Stopping every thread either succeeds or reports the failure properly.
            return Attempt.ABANDONED;
        }
    }

    /**
     * Learns the owners of the thread states from a look at the threads without stopping any, for a holder not
     * seen before (the first sample, a new thread): far cheaper than stopping every thread of a large process. The
     * look may be torn; what it says of the holder is checked once the holder is stopped. False when it failed.
     */
    private boolean learn(Copier copier) {
        try {
            learner.accept(copier.copy(null));
            return true;
        } catch (SpyException e) {
            return false;
        }
    }

    /**
     * Whether the stopped thread is still the one that owns the holder's thread state: the state may have been
     * freed and its memory given to a new thread since the identities were learnt.
     */
    private static boolean ownedBy(RawSample raw, long holder, Optional<ThreadIdentities.Identity> owner) {
        if (owner.isEmpty()) {
            return true;
        }
        for (RawThread thread : raw.threads()) {
            if (thread.threadState() == holder) {
                return thread.threadId() == owner.get().threadId()
                        && thread.nativeThreadId() == owner.get().nativeThreadId();
            }
        }
        return false;
    }
}
