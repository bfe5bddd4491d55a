// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.python.fake.FakeTarget;
import dev.pyspy4j.python.walk.GilSwitches;
import dev.pyspy4j.python.walk.RawSample;
import dev.pyspy4j.python.walk.RawThread;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.process.ProcessMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A copy is kept only when the GIL's last holder was the one thread stopped and no other thread took the GIL while
 * the copy was made; otherwise the caller stops every thread.
 */
class GilHolderPauseTest {
    private static final long GIL = 0x1000_0100L;
    private static final int LAST_HOLDER = 8;
    private static final int SWITCH_NUMBER = 24;
    private static final long HOLDER_STATE = 0x2000_0000L;
    private static final long OTHER_STATE = 0x2000_1000L;
    private static final long HOLDER_TID = 4243;
    private static final long OTHER_TID = 4244;
    /** A thread seen running that holds no thread state of the interpreter (a C thread, say). */
    private static final long RUNNING_TID = 4245;

    /** The GIL's fields, rewritten as the tests move the GIL; nothing else of the target is readable. */
    private final ByteBuffer gil = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    private boolean gilReadable = true;
    private int gilReads;
    private final ProcessMemory memory = (address, dst) -> {
        gilReads++;
        int offset = (int) (address - GIL);
        if (!gilReadable || address < GIL || offset + dst.remaining() > gil.capacity()) {
            throw new SpyException(FailureKind.MEMORY_READ, "unmapped 0x" + Long.toHexString(address));
        }
        dst.put(dst.position(), gil, offset, dst.remaining());
    };
    private final FakeTarget target = FakeTarget.program(memory, Map.of());
    private final ThreadIdentities identities = new ThreadIdentities();
    private final List<RawSample> learnt = new ArrayList<>();
    private final GilHolderPause pause = new GilHolderPause(target, 0x3000_0000L,
            GilSwitches.runtimeGil(GIL, LAST_HOLDER, SWITCH_NUMBER), identities, this::learn);

    @Test
    void aCopyWhileTheGilStaysPutStopsOnlyItsHolder() {
        gil(HOLDER_STATE, 7);
        knownThreads();

        Optional<GilHolderPause.Copy> copy = pause.copy(copier(() -> { }));

        assertThat(copy).isPresent();
        assertThat(target.threadPauses()).containsExactly(List.of(HOLDER_TID));
        assertThat(target.pauses()).as("pauses of every thread").isZero();
        assertThat(target.openPauses()).isZero();
        assertThat(pause.counts()).isEqualTo(new GilHolderPause.Counts(1, 0));
    }

    @Test
    void aCopyDuringWhichAnotherThreadTookTheGilIsMadeAgainWithTheNewHolderAndTheRunningThreadsStopped() {
        gil(HOLDER_STATE, 7);
        knownThreads();

        Optional<GilHolderPause.Copy> copy = pause.copy(copier(() -> gil(OTHER_STATE, 8)),
                () -> List.of(HOLDER_TID, OTHER_TID, RUNNING_TID));

        assertThat(copy).isPresent();
        assertThat(target.threadPauses()).containsExactly(List.of(HOLDER_TID),
                List.of(OTHER_TID, HOLDER_TID, RUNNING_TID));
        assertThat(target.openPauses()).isZero();
        assertThat(pause.counts()).isEqualTo(new GilHolderPause.Counts(1, 0));
    }

    @Test
    void aCopyDuringWhichTheGilKeepsChangingHandsIsAbandoned() {
        gil(HOLDER_STATE, 7);
        knownThreads();
        long[] switches = {7};

        Optional<GilHolderPause.Copy> copy = pause.copy(copier(() -> gil(HOLDER_STATE, ++switches[0])),
                () -> List.of(HOLDER_TID, OTHER_TID));

        assertThat(copy).isEmpty();
        assertThat(target.threadPauses()).as("one stop per attempt").hasSize(6);
        assertThat(target.pauses()).as("pauses of every thread: the caller's to make").isZero();
        assertThat(target.openPauses()).isZero();
        assertThat(pause.counts()).isEqualTo(new GilHolderPause.Counts(1, 1));
    }

    @Test
    void aHolderThatKeptTheGilOverTwoCopiesIsStoppedWithoutALookOfItsOwn() {
        gil(HOLDER_STATE, 7);
        knownThreads();
        int[] reads = new int[3];
        for (int i = 0; i < reads.length; i++) {
            int before = gilReads;
            assertThat(pause.copy(copier(() -> { }))).isPresent();
            reads[i] = gilReads - before;
        }

        // A look, then the two of the copy's batch; the first copy has no holder before it to compare with.
        assertThat(reads).containsExactly(3, 3, 2);
        assertThat(target.threadPauses()).containsExactly(List.of(HOLDER_TID), List.of(HOLDER_TID),
                List.of(HOLDER_TID));
    }

    @Test
    void aHolderThatChangedSinceTheLastCopyIsFoundOnceTheOldOneIsStopped() {
        gil(HOLDER_STATE, 7);
        knownThreads();
        assertThat(pause.copy(copier(() -> { }))).isPresent();
        assertThat(pause.copy(copier(() -> { }))).isPresent();
        gil(OTHER_STATE, 8);

        Optional<GilHolderPause.Copy> copy = pause.copy(copier(() -> { }));

        assertThat(copy).isPresent();
        assertThat(target.threadPauses()).containsExactly(List.of(HOLDER_TID), List.of(HOLDER_TID),
                List.of(HOLDER_TID), List.of(OTHER_TID, HOLDER_TID));
        assertThat(pause.counts()).isEqualTo(new GilHolderPause.Counts(3, 0));
    }

    @Test
    void threadsTakingTurnsAtTheGilAreLookedAtBeforeEachStop() {
        knownThreads();
        long[][] turns = {{HOLDER_STATE, 7}, {OTHER_STATE, 8}, {HOLDER_STATE, 9}, {OTHER_STATE, 10}};
        for (long[] turn : turns) {
            gil(turn[0], turn[1]);
            assertThat(pause.copy(copier(() -> { }))).isPresent();
        }

        // Each copy stops the thread that holds the GIL now, none the one that held it at the copy before.
        assertThat(target.threadPauses()).containsExactly(List.of(HOLDER_TID), List.of(OTHER_TID),
                List.of(HOLDER_TID), List.of(OTHER_TID));
    }

    @Test
    void aCopyThatReadMoreThanItsBatchLooksAtTheGilAgainAfterwards() {
        gil(HOLDER_STATE, 7);
        knownThreads();

        assertThat(pause.copy(copierReadingAfterItsBatch(() -> { }))).isPresent();
        assertThat(pause.copy(copierReadingAfterItsBatch(() -> gil(OTHER_STATE, 8))))
                .as("made again: another thread took the GIL after the batch, while the copy read on").isPresent();
        assertThat(target.threadPauses()).as("the last holder is stopped with the new one").containsExactly(
                List.of(HOLDER_TID), List.of(HOLDER_TID), List.of(OTHER_TID, HOLDER_TID));
    }

    @Test
    void aBatchThatFailedMeansStoppingEveryThread() {
        gil(HOLDER_STATE, 7);
        knownThreads();

        Optional<GilHolderPause.Copy> copy = pause.copy(looks -> {
            looks.made(false, false);
            return threads();
        });

        assertThat(copy).isEmpty();
        assertThat(target.openPauses()).isZero();
    }

    @Test
    void aHolderNotSeenBeforeIsLearntFromALookWithoutStoppingAnything() {
        gil(HOLDER_STATE, 7);

        Optional<GilHolderPause.Copy> copy = pause.copy(copier(() -> { }));

        assertThat(learnt).hasSize(1);
        assertThat(copy).isPresent();
        assertThat(target.threadPauses()).containsExactly(List.of(HOLDER_TID));
    }

    @Test
    void aHolderThatChangedBeforeItWasStoppedIsLookedAtAgain() {
        gil(HOLDER_STATE, 7);
        knownThreads();
        target.onThreadPause(() -> {
            if (target.threadPauses().size() == 1) {
                gil(OTHER_STATE, 8);
            }
        });

        Optional<GilHolderPause.Copy> copy = pause.copy(copier(() -> { }));

        assertThat(copy).isPresent();
        assertThat(target.threadPauses()).as("the last holder is stopped with the new one")
                .containsExactly(List.of(HOLDER_TID), List.of(OTHER_TID, HOLDER_TID));
    }

    @Test
    void aThreadStateNowOwnedByAnotherThreadIsNotTrusted() {
        gil(HOLDER_STATE, 7);
        identities.begin();
        identities.record(HOLDER_STATE, 0x7f00_0000_1000L, HOLDER_TID - 100, HOLDER_TID - 100);
        identities.publish();

        Optional<GilHolderPause.Copy> copy = pause.copy(copier(() -> { }));

        assertThat(copy).as("the stopped thread no longer owns the holder's thread state").isEmpty();
    }

    @Test
    void anUnreadableGilMeansStoppingEveryThread() {
        knownThreads();
        gilReadable = false;

        assertThat(pause.copy(copier(() -> { }))).isEmpty();
        assertThat(target.threadPauses()).isEmpty();
    }

    private void gil(long lastHolder, long switchNumber) {
        gil.putLong(LAST_HOLDER, lastHolder).putLong(SWITCH_NUMBER, switchNumber);
    }

    private void knownThreads() {
        learn(threads());
    }

    private void learn(RawSample raw) {
        learnt.add(raw);
        identities.begin();
        for (RawThread thread : raw.threads()) {
            identities.record(thread.threadState(), thread.threadId(), thread.nativeThreadId(),
                    thread.nativeThreadId());
        }
        identities.publish();
    }

    /**
     * A copier that does {@code meanwhile} (what the target does while it is read) between the looks at the GIL of
     * its batched read, as a copy that needs no other read, and returns both threads.
     */
    private GilHolderPause.Copier copier(Runnable meanwhile) {
        return looks -> {
            if (looks != null) {
                memory.readAll(List.of(looks.first()));
            }
            meanwhile.run();
            if (looks != null) {
                memory.readAll(List.of(looks.last()));
                looks.made(true, true);
            }
            return threads();
        };
    }

    /** A copier whose batched read made both looks, and which then read more (during which {@code later} ran). */
    private GilHolderPause.Copier copierReadingAfterItsBatch(Runnable later) {
        return looks -> {
            if (looks != null) {
                memory.readAll(List.of(looks.first(), looks.last()));
                looks.made(true, false);
            }
            later.run();
            return threads();
        };
    }

    private static RawSample threads() {
        return new RawSample(List.of(new RawThread(HOLDER_STATE, 0x7f00_0000_1000L, HOLDER_TID, List.of()),
                new RawThread(OTHER_STATE, 0x7f00_0000_2000L, OTHER_TID, List.of())), HOLDER_STATE);
    }
}
