// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.pyroscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The push queue: retries with backoff, refusals, drops of the oldest, and what the end leaves behind. */
class PushQueueTest {
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(20);
    private static final PushResponse OK = new PushResponse(200, "");
    private static final PushResponse UNAVAILABLE = new PushResponse(503, "no healthy ingester");

    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    private final Sleeper sleeper = slept::add;
    private final Recorded events = new Recorded();

    @Test
    void aPushThatFailsForAWhileIsTriedAgainAfterGrowingWaitsUntilAccepted() {
        Scripted transport = new Scripted(UNAVAILABLE, UNAVAILABLE, new ConnectException("Connection refused"), OK);
        PushQueue queue = new PushQueue(6, transport, Backoff.DEFAULT, sleeper, events);

        queue.offer(body(1));
        PushCounts counts = queue.finish(LONG_ENOUGH);

        assertThat(counts).isEqualTo(new PushCounts(1, 0, 0, 3));
        assertThat(transport.bodies()).hasSize(4).allSatisfy(sent -> assertThat(sent).isEqualTo(body(1)));
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(events.lines).containsExactly("failed HTTP 503: no healthy ingester, retry",
                "failed HTTP 503: no healthy ingester, retry",
                "failed ConnectException: Connection refused, retry", "accepted 1 after 3");
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        Scripted transport = new Scripted(new PushResponse(401, "{\"code\":\"unauthenticated\"}"), OK);
        PushQueue queue = new PushQueue(6, transport, Backoff.DEFAULT, sleeper, events);

        queue.offer(body(1));
        queue.offer(body(2));
        PushCounts counts = queue.finish(LONG_ENOUGH);

        assertThat(counts).isEqualTo(new PushCounts(1, 1, 0, 0));
        assertThat(slept).isEmpty();
        assertThat(events.lines).containsExactly("failed HTTP 401: {\"code\":\"unauthenticated\"}, lost",
                "accepted 1 after 1");
    }

    @Test
    void aProfileIsGivenUpAfterTheAttemptsAllowed() {
        Scripted transport = new Scripted(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, OK);
        PushQueue queue = new PushQueue(6, transport, new Backoff(Duration.ofMillis(10), Duration.ofMillis(10), 3),
                sleeper, events);

        queue.offer(body(1));
        queue.offer(body(2));
        PushCounts counts = queue.finish(LONG_ENOUGH);

        assertThat(counts).isEqualTo(new PushCounts(1, 1, 0, 2));
        assertThat(slept).containsExactly(Duration.ofMillis(10), Duration.ofMillis(10));
        assertThat(transport.bodies()).extracting(sent -> sent[0]).containsExactly((byte) 1, (byte) 1, (byte) 1,
                (byte) 2);
    }

    @Test
    void aFullQueueDropsItsOldestAndCountsItWithoutTheOffererWaiting() throws InterruptedException {
        Blocking transport = new Blocking();
        PushQueue queue = new PushQueue(2, transport, Backoff.DEFAULT, sleeper, events);

        queue.offer(body(1));
        assertThat(transport.entered.await(10, TimeUnit.SECONDS)).as("the first push is under way").isTrue();
        // The server does not answer: offers must still return at once.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 2; i <= 5; i++) {
                queue.offer(body(i));
            }
        });
        assertThat(queue.counts()).isEqualTo(new PushCounts(0, 0, 2, 0));
        assertThat(events.lines).containsExactly("dropped 1", "dropped 2");

        transport.release.countDown();
        PushCounts counts = queue.finish(LONG_ENOUGH);

        assertThat(counts).isEqualTo(new PushCounts(3, 0, 2, 0));
        assertThat(transport.bodies()).extracting(sent -> sent[0]).containsExactly((byte) 1, (byte) 4, (byte) 5);
    }

    @Test
    void whatIsStillWaitingWhenTheEndsWaitIsOverIsCountedAsDropped() throws InterruptedException {
        Blocking transport = new Blocking();
        PushQueue queue = new PushQueue(6, transport, Backoff.DEFAULT, sleeper, events);
        queue.offer(body(1));
        queue.offer(body(2));
        queue.offer(body(3));
        assertThat(transport.entered.await(10, TimeUnit.SECONDS)).isTrue();

        PushCounts counts = queue.finish(Duration.ofMillis(200));

        assertThat(counts).as("one in flight and two waiting").isEqualTo(new PushCounts(0, 0, 3, 0));
        // A push that completes after the end is not counted twice.
        transport.release.countDown();
        transport.done.await(10, TimeUnit.SECONDS);
        assertThat(queue.counts()).isEqualTo(counts);
    }

    private static byte[] body(int number) {
        return new byte[] {(byte) number, 42};
    }

    /** Answers from a script, then 200 for ever. */
    private static final class Scripted implements PushTransport {
        private final Deque<Object> answers;
        private final List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());

        Scripted(Object... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public synchronized PushResponse send(byte[] pushRequest) throws IOException {
            bodies.add(pushRequest);
            Object answer = answers.isEmpty() ? OK : answers.removeFirst();
            if (answer instanceof IOException failure) {
                throw failure;
            }
            return (PushResponse) answer;
        }

        List<byte[]> bodies() {
            return List.copyOf(bodies);
        }
    }

    /** Holds its first push until released (a server that does not answer), then accepts everything. */
    private static final class Blocking implements PushTransport {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        private final List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());

        @Override
        public PushResponse send(byte[] pushRequest) {
            bodies.add(pushRequest);
            entered.countDown();
            boolean released = false;
            while (!released) {
                try {
                    released = release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    // Like a socket read, this wait does not end when its thread is interrupted.
                }
            }
            done.countDown();
            return OK;
        }

        List<byte[]> bodies() {
            return List.copyOf(bodies);
        }
    }

    /** What the queue told, as short lines. */
    private static final class Recorded implements PushEvents {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accepted(long pushed, long failedAttemptsBefore) {
            lines.add("accepted " + pushed + " after " + failedAttemptsBefore);
        }

        @Override
        public void attemptFailed(String why, boolean willRetry) {
            lines.add("failed " + why + (willRetry ? ", retry" : ", lost"));
        }

        @Override
        public void dropped(long droppedSoFar) {
            lines.add("dropped " + droppedSoFar);
        }
    }
}
