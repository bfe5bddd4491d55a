// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.os.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.spi.process.ThreadActivity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts on one thread over successive snapshots, its {@code stat} and {@code schedstat} files written here:
 * a thread the sampler's pauses keep waking stays idle however long it waits for a CPU, and one that really runs
 * becomes active.
 */
class ActivityClassifierTest {
    private static final long INTERVAL = 10_000_000L;

    @TempDir
    Path dir;

    private final ActivityClassifier classifier = new ActivityClassifier();
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);
    private TaskFiles files;
    private long runNanos = 1_000_000;
    private long arrivals = 7;
    private boolean notRun;
    private final ActivityClassifier.NotRun sawNotRun = () -> notRun = true;

    @BeforeEach
    void openFiles() throws IOException {
        look('S');
        files = new TaskFiles(dir);
    }

    @AfterEach
    void closeFiles() throws IOException {
        files.close();
    }

    @Test
    void aThreadWokenAtEverySnapshotThatWaitsForACpuStaysIdle() throws IOException {
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);

        // Two seconds at 100 Hz, runnable at every snapshot: each pause woke it, and it ran 20 µs per wake-up.
        for (int snapshot = 0; snapshot < 200; snapshot++) {
            assertThat(verdict('R', 20_000)).as("snapshot %d", snapshot).isEqualTo(ThreadActivity.IDLE);
        }
    }

    @Test
    void aThreadThatStartsToRunAfterSleepingIsActiveAtTheNextSnapshot() throws IOException {
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);

        assertThat(verdict('R', 6_000_000)).isEqualTo(ThreadActivity.ACTIVE);
        assertThat(verdict('R', 10)).as("active as long as it stays runnable").isEqualTo(ThreadActivity.ACTIVE);
    }

    @Test
    void aThreadThatRunsAfterALongWaitForACpuIsActiveOnceItRanAShareOfAtMostASecond() throws IOException {
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        for (int snapshot = 0; snapshot < 500; snapshot++) {
            verdict('R', 20_000);
        }

        // Five seconds runnable; 5 % of one second is 50 ms, of which the wake-ups made 10 ms.
        assertThat(verdict('R', 30_000_000)).isEqualTo(ThreadActivity.IDLE);
        assertThat(verdict('R', 20_000_000)).isEqualTo(ThreadActivity.ACTIVE);
    }

    @Test
    void aThreadSeenAsleepAgainStartsAfresh() throws IOException {
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        for (int snapshot = 0; snapshot < 100; snapshot++) {
            verdict('R', 20_000);
        }
        assertThat(verdict('S', 5_000)).isEqualTo(ThreadActivity.IDLE);

        assertThat(verdict('R', 1_000_000)).as("1 ms of a 10 ms interval").isEqualTo(ThreadActivity.ACTIVE);
    }

    @Test
    void anIdleThreadThatHasNotRunSinceIsIdleWithoutItsStatBeingRead() throws IOException {
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        // The second look reads the state once more, after the run time, for a proof that it did not run.
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);

        // An empty stat reads as a thread that ended: only the run time can have been looked at.
        Files.writeString(dir.resolve("stat"), "");
        assertThat(classify()).contains(ThreadActivity.IDLE);

        assertThat(verdict('R', 1_000_000)).as("once it runs, its state counts again").isEqualTo(ThreadActivity.ACTIVE);
    }

    @Test
    void aThreadLastSeenActiveIsLookedAtInFullEvenWhenItHasNotRun() throws IOException {
        assertThat(verdict('R', 6_000_000)).isEqualTo(ThreadActivity.ACTIVE);

        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
    }

    @Test
    void aThreadThatStaysRunnableIsJudgedFromItsStateAloneUntilItSleeps() throws IOException {
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(verdict('R', 6_000_000)).isEqualTo(ThreadActivity.ACTIVE);

        // A schedstat that reads as garbage would make a thread seen asleep look as if it had never run.
        look('R');
        Files.writeString(dir.resolve("schedstat"), "garbage\n");
        assertThat(classify()).as("its run time is not read")
                .contains(ThreadActivity.ACTIVE);

        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(verdict('R', 20_000)).as("the run time read when it fell asleep is what a wake-up is measured by")
                .isEqualTo(ThreadActivity.IDLE);
    }

    @Test
    void aThreadAsleepAtLooksThatReadItsRunTimeFirstHasNotRunBetweenThem() throws IOException {
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).as("nothing to compare the first look with").isFalse();
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).as("the first look read the run time after the state: no proof from it").isFalse();

        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).isTrue();
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).as("and again, for as long as it does not run").isTrue();

        assertThat(verdict('S', 30_000)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).as("asleep again, but it ran in between").isFalse();
    }

    @Test
    void aThreadThatArrivedOnACpuWithoutItsRunTimeMovingMayHaveRun() throws IOException {
        verdict('S', 0);

        // A thread on a CPU keeps the run time of its last tick: only the count of arrivals tells it ran.
        arrivals++;
        assertThat(verdict('R', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).isFalse();
    }

    @Test
    void aThreadWokenByAPauseHasRunThoughItStaysIdle() throws IOException {
        verdict('S', 0);

        arrivals++;
        assertThat(verdict('R', 20_000)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).isFalse();
        assertThat(verdict('R', 0)).as("compared with the look that found it asleep, it has run")
                .isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).isFalse();
    }

    @Test
    void aThreadThatFellAsleepSinceItWasSeenActiveIsProvenNotToRunOnceARunTimeWasReadBeforeItsState() throws IOException {
        assertThat(verdict('R', 6_000_000)).isEqualTo(ThreadActivity.ACTIVE);
        assertThat(verdict('S', 1_000)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).isFalse();
        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).as("its run time read before its state at last").isFalse();

        assertThat(verdict('S', 0)).isEqualTo(ThreadActivity.IDLE);
        assertThat(notRun).isTrue();
    }

    @Test
    void withoutACountOfArrivalsNothingIsProvenAndAnIdleThreadStillCostsOneRead() throws IOException {
        assertThat(verdict('S', 0, false)).isEqualTo(ThreadActivity.IDLE);

        Files.writeString(dir.resolve("stat"), "");
        Files.writeString(dir.resolve("schedstat"), runNanos + "\n");
        assertThat(classify()).as("its stat is not read").contains(ThreadActivity.IDLE);
        assertThat(notRun).isFalse();
    }

    /** The verdict of a snapshot taken one interval after the last, the thread in {@code state}, having run more. */
    private ThreadActivity verdict(char state, long ranSinceLast) throws IOException {
        return verdict(state, ranSinceLast, true);
    }

    private ThreadActivity verdict(char state, long ranSinceLast, boolean countsArrivals) throws IOException {
        runNanos += ranSinceLast;
        if (ranSinceLast > 0) {
            arrivals++;
        }
        look(state, countsArrivals);
        return classify().orElseThrow();
    }

    private Optional<ThreadActivity> classify() throws IOException {
        notRun = false;
        return classifier.classify(files, buffer, INTERVAL, sawNotRun);
    }

    private void look(char state) throws IOException {
        look(state, true);
    }

    private void look(char state, boolean countsArrivals) throws IOException {
        Files.writeString(dir.resolve("stat"), "4242 (python3) " + state + " 1 4242 4242 0 -1 4194304 0 0 0 0\n");
        Files.writeString(dir.resolve("schedstat"), runNanos + (countsArrivals ? " 0 " + arrivals : "") + "\n");
    }
}
