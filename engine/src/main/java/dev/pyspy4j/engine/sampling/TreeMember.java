// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.ProcessInfo;
import dev.pyspy4j.spi.process.TargetProcess;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One process of a sampled tree and what is known of it: being opened (attempts spaced ever wider, for a newborn
 * process may not have started its interpreter yet), sampled, or not sampled for a reason that holds until it runs
 * another program. Confined to the sampler's thread, except for the attempt, which runs in the background.
 */
final class TreeMember {
    /** How long a process may keep failing to open before it counts as not Python (until it exec's). */
    static final long OPEN_PATIENCE_NANOS = 5_000_000_000L;
    private static final long FIRST_RETRY_NANOS = 50_000_000L;
    private static final long LONGEST_RETRY_NANOS = 1_000_000_000L;

    /** Where a member stands. */
    enum State { OPENING, SAMPLED, NOT_SAMPLED, GONE }

    private final long pid;
    private final long parentPid;
    private final TargetProcess watch;
    private final ReadTally tally = new ReadTally();
    private Fingerprint fingerprint;
    private State state = State.OPENING;
    private long openingSince;
    private long nextAttemptAt;
    private long retryNanos;
    private CompletableFuture<ProcessSource> attempt;
    private ProcessSource source;
    private SpyException lastFailure;
    private ProcessInfo info;

    /**
     * @param parentPid its parent when it was found, 0 for the root of the tree
     * @param watch     attached to it, to follow what it runs and whether it runs; closed by {@link #retire()}
     */
    TreeMember(long pid, long parentPid, TargetProcess watch, Fingerprint fingerprint, long now) {
        this.pid = pid;
        this.parentPid = parentPid;
        this.watch = watch;
        this.fingerprint = fingerprint;
        startOpening(now);
    }

    long pid() {
        return pid;
    }

    long parentPid() {
        return parentPid;
    }

    State state() {
        return state;
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    ProcessSource source() {
        return source;
    }

    /** Why it is not sampled; {@code null} unless {@link State#NOT_SAMPLED}. */
    SpyException whyNotSampled() {
        return state == State.NOT_SAMPLED ? lastFailure : null;
    }

    /** Why the last attempt to open it failed; {@code null} when none failed since it last exec'd. */
    SpyException lastFailure() {
        return lastFailure;
    }

    ProcessInfo info() {
        return info;
    }

    void label(ProcessInfo value) {
        info = value;
    }

    ReadTally tally() {
        return tally;
    }

    TargetProcess watch() {
        return watch;
    }

    /** Whether an attempt to open it is due and none runs. */
    boolean wantsAttempt(long now) {
        return state == State.OPENING && attempt == null && now >= nextAttemptAt;
    }

    boolean attemptRunning() {
        return attempt != null;
    }

    void attemptStarted(CompletableFuture<ProcessSource> running) {
        attempt = running;
    }

    /**
     * Takes in the attempt if it finished: sampled on success; on failure gone, given up on, or due for another
     * attempt later.
     *
     * @return whether its state changed
     */
    boolean harvest(long now) {
        if (attempt == null || !attempt.isDone()) {
            return false;
        }
        CompletableFuture<ProcessSource> done = attempt;
        attempt = null;
        try {
            source = done.join();
        } catch (CompletionException e) {
            return failed(failureOf(e.getCause()), now);
        }
        Optional<Fingerprint> after = currentFingerprint();
        if (after.isPresent() && !after.get().equals(fingerprint)) {
            // It exec'd while being opened: what was found may belong to the program it left.
            closeSource();
            fingerprint = after.get();
            nextAttemptAt = now;
            return false;
        }
        state = State.SAMPLED;
        return true;
    }

    /**
     * Reads what it runs just before an attempt, so that the attempt can tell whether an exec came in between.
     *
     * @return false when it is gone
     */
    boolean prepareAttempt() {
        Optional<Fingerprint> now = currentFingerprint();
        if (now.isEmpty()) {
            state = State.GONE;
            return false;
        }
        fingerprint = now.get();
        return true;
    }

    private boolean failed(SpyException failure, long now) {
        lastFailure = failure;
        if (!watch.isAlive()) {
            state = State.GONE;
            return true;
        }
        if (failure.kind() == FailureKind.PERMISSION_DENIED || now - openingSince >= OPEN_PATIENCE_NANOS) {
            state = State.NOT_SAMPLED;
            return true;
        }
        nextAttemptAt = now + retryNanos;
        retryNanos = Math.min(2 * retryNanos, LONGEST_RETRY_NANOS);
        return false;
    }

    private static SpyException failureOf(Throwable cause) {
        return cause instanceof SpyException spy ? spy
                : new SpyException(FailureKind.INTERNAL, "internal error while opening: " + cause, cause);
    }

    /** What it runs now, or empty when it is gone. */
    Optional<Fingerprint> currentFingerprint() {
        try {
            return Optional.of(Fingerprint.of(watch));
        } catch (SpyException e) {
            return Optional.empty();
        }
    }

    /** It exec'd another program: forget its interpreter and look for one afresh. */
    void execed(Fingerprint now, long nanoTime) {
        dropAttempt();
        closeSource();
        fingerprint = now;
        lastFailure = null;
        startOpening(nanoTime);
    }

    void exited() {
        state = State.GONE;
    }

    /** Lets go of everything; an attempt still running hands its result straight to be closed. */
    void retire() {
        state = State.GONE;
        dropAttempt();
        try {
            closeSource();
        } finally {
            watch.close();
        }
    }

    private void dropAttempt() {
        if (attempt != null) {
            attempt.thenAccept(ProcessSource::close);
            attempt = null;
        }
    }

    private void startOpening(long now) {
        state = State.OPENING;
        openingSince = now;
        nextAttemptAt = now;
        retryNanos = FIRST_RETRY_NANOS;
    }

    private void closeSource() {
        if (source != null) {
            ProcessSource closing = source;
            source = null;
            closing.close();
        }
    }
}
