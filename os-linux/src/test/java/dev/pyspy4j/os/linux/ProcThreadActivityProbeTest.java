// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.ThreadActivity;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The probe on this JVM's own threads: a parked thread is idle, a spinning one active. */
class ProcThreadActivityProbeTest {
    @Test
    void tellsASpinningThreadFromASleepingOne() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong spinnerTid = new AtomicLong();
        AtomicLong sleeperTid = new AtomicLong();
        CountDownLatch started = new CountDownLatch(2);
        Thread spinner = new Thread(() -> {
            spinnerTid.set(currentTid());
            started.countDown();
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        });
        Thread sleeper = new Thread(() -> {
            sleeperTid.set(currentTid());
            started.countDown();
            while (!stop.get()) {
                sleepQuietly();
            }
        });
        spinner.start();
        sleeper.start();
        started.await();
        // The sleeper counts down just before its first sleep: a snapshot taken in between would rightly see it run.
        awaitSleeping(sleeperTid.get());
        try (ProcThreadActivityProbe probe = new ProcThreadActivityProbe(ProcessHandle.current().pid(),
                new ActivityClassifier())) {
            int spinnerActive = 0;
            for (int i = 0; i < 20; i++) {
                Map<Long, ThreadActivity> snapshot = probe.snapshot();
                assertThat(snapshot).containsEntry(sleeperTid.get(), ThreadActivity.IDLE);
                spinnerActive += snapshot.get(spinnerTid.get()) == ThreadActivity.ACTIVE ? 1 : 0;
            }
            // The JVM parks even a spinning thread at safepoints (GC, deoptimisation), so not always.
            assertThat(spinnerActive).isGreaterThanOrEqualTo(10);
        } finally {
            stop.set(true);
            spinner.join();
            sleeper.join();
        }
    }

    @Test
    void aThreadWaitingForGoodIsProvenNotToRunAndOneThatWakesIsNot() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong waiterTid = new AtomicLong();
        AtomicLong wakerTid = new AtomicLong();
        Thread waiter = new Thread(() -> {
            waiterTid.set(currentTid());
            awaitQuietly(never);
        });
        Thread waker = new Thread(() -> {
            wakerTid.set(currentTid());
            while (!stop.get()) {
                sleepQuietly(1);
            }
        });
        waiter.start();
        waker.start();
        while (waiterTid.get() == 0 || wakerTid.get() == 0) {
            Thread.sleep(1);
        }
        awaitSleeping(waiterTid.get());
        try (ProcThreadActivityProbe probe = new ProcThreadActivityProbe(ProcessHandle.current().pid(),
                new ActivityClassifier())) {
            probe.snapshot();
            assertThat(probe.notRunSincePreviousSnapshot()).as("nothing to compare the first snapshot with")
                    .isEmpty();
            // The first snapshot read run times after states; the second reads the waiter's before, for a proof.
            Thread.sleep(5);
            probe.snapshot();
            for (int i = 0; i < 10; i++) {
                Thread.sleep(5);
                probe.snapshot();
                assertThat(probe.notRunSincePreviousSnapshot()).as("snapshot %d", i + 1)
                        .contains(waiterTid.get()).doesNotContain(wakerTid.get(), currentTid());
            }
        } finally {
            never.countDown();
            stop.set(true);
            waiter.join();
            waker.join();
        }
    }

    @Test
    void endedThreadsLeaveTheSnapshot() throws Exception {
        AtomicLong tid = new AtomicLong();
        Thread shortLived = new Thread(() -> tid.set(currentTid()));
        try (ProcThreadActivityProbe probe = new ProcThreadActivityProbe(ProcessHandle.current().pid(),
                new ActivityClassifier())) {
            shortLived.start();
            shortLived.join();
            // A joined thread may still be leaving the OS for a moment.
            java.nio.file.Path task = java.nio.file.Path.of("/proc/self/task/" + tid.get());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (java.nio.file.Files.exists(task)) {
                assertThat(System.nanoTime()).as("thread %d gone", tid.get()).isLessThan(deadline);
                Thread.sleep(1);
            }
            assertThat(probe.snapshot()).doesNotContainKey(tid.get()).isNotEmpty();
        }
    }

    private static void awaitSleeping(long tid) throws InterruptedException {
        java.nio.file.Path stat = java.nio.file.Path.of("/proc/self/task/" + tid + "/stat");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            String text = ProcFs.readOptional(stat).orElseThrow();
            if (text.charAt(text.lastIndexOf(')') + 2) == 'S') {
                return;
            }
            assertThat(System.nanoTime()).as("thread %d asleep", tid).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static long currentTid() {
        return Long.parseLong(ProcFs.readOptional(java.nio.file.Path.of("/proc/thread-self/stat")).orElseThrow()
                .split(" ")[0]);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly() {
        sleepQuietly(1000);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
