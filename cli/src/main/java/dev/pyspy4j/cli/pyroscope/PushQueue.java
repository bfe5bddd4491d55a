// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Pushes encoded profiles one after the other on a thread of its own, so that whoever offers them never waits on
 * the network. The queue is bounded: when the server is away longer than the queue lasts, the oldest profile makes
 * room for the newest and is counted as dropped. A push that fails for a reason that may pass (no answer, 5xx,
 * 429, 408) is tried again after a growing wait ({@link Backoff}); one the server refuses (another 4xx) is not.
 */
public final class PushQueue {
    private final int capacity;
    private final PushTransport transport;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final PushEvents events;
    private final Deque<byte[]> waiting = new ArrayDeque<>();
    private Thread pusher;
    private boolean closed;
    private boolean abandoned;
    private boolean inFlight;
    private long pushed;
    private long failed;
    private long dropped;
    private long retries;
    private long failedAttemptsSinceAccepted;

    /**
     * @param capacity profiles kept waiting at most, besides the one being pushed
     */
    public PushQueue(int capacity, PushTransport transport, Backoff backoff, Sleeper sleeper, PushEvents events) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.transport = transport;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.events = events;
    }

    /** Queues one encoded {@code PushRequest}; returns at once, whatever the server does. */
    public void offer(byte[] pushRequest) {
        long droppedNow = -1;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the queue is finished");
            }
            if (waiting.size() == capacity) {
                waiting.removeFirst();
                droppedNow = ++dropped;
            }
            waiting.addLast(pushRequest);
            if (pusher == null) {
                pusher = new Thread(this::pushAll, "pyspy4j-pyroscope-push");
                pusher.setDaemon(true);
                pusher.start();
            }
            notifyAll();
        }
        if (droppedNow > 0) {
            events.dropped(droppedNow);
        }
    }

    /**
     * Takes no more profiles, waits up to {@code wait} for those queued to be pushed, and counts what is left as
     * dropped.
     */
    public PushCounts finish(Duration wait) {
        Thread thread;
        synchronized (this) {
            closed = true;
            notifyAll();
            thread = pusher;
        }
        if (thread != null) {
            try {
                thread.join(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (thread != null && thread.isAlive()) {
                // Its push may still complete, too late to count: what it held is counted as dropped now.
                abandoned = true;
                dropped += waiting.size() + (inFlight ? 1 : 0);
                waiting.clear();
                thread.interrupt();
            }
            return counts();
        }
    }

    public synchronized PushCounts counts() {
        return new PushCounts(pushed, failed, dropped, retries);
    }

    private void pushAll() {
        while (true) {
            byte[] next;
            synchronized (this) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (waiting.isEmpty() || abandoned) {
                    return;
                }
                next = waiting.removeFirst();
                inFlight = true;
            }
            if (!push(next)) {
                return;
            }
        }
    }

    /** Pushes one profile, trying again as the backoff allows; false when interrupted. */
    private boolean push(byte[] pushRequest) {
        for (int attempt = 1; ; attempt++) {
            String why;
            boolean mayPass;
            try {
                PushResponse response = transport.send(pushRequest);
                if (response.accepted()) {
                    accepted();
                    return true;
                }
                why = response.describe();
                mayPass = response.worthRetrying();
            } catch (IOException e) {
                why = describe(e);
                mayPass = true;
            }
            boolean willRetry = mayPass && attempt < backoff.attempts();
            synchronized (this) {
                if (abandoned) {
                    return false;
                }
                failedAttemptsSinceAccepted++;
                if (willRetry) {
                    retries++;
                } else {
                    failed++;
                    inFlight = false;
                }
            }
            events.attemptFailed(why, willRetry);
            if (!willRetry) {
                return true;
            }
            try {
                sleeper.sleep(backoff.after(attempt));
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    private void accepted() {
        long pushedNow;
        long failedBefore;
        synchronized (this) {
            if (abandoned) {
                return;
            }
            pushedNow = ++pushed;
            failedBefore = failedAttemptsSinceAccepted;
            failedAttemptsSinceAccepted = 0;
            inFlight = false;
        }
        if (pushedNow == 1 || failedBefore > 0) {
            events.accepted(pushedNow, failedBefore);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
