// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.cli.top;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeClock;
import dev.pyspy4j.engine.names.FilenameShortener;
import dev.pyspy4j.engine.sampling.LagMonitor;
import dev.pyspy4j.engine.sampling.Sample;
import dev.pyspy4j.engine.sampling.StopReason;
import dev.pyspy4j.engine.sampling.StopSignal;
import dev.pyspy4j.engine.trace.TraceFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The screen's thread of {@code top} on a fake clock and display: when it refreshes, what keys do, and how it ends.
 * The display plays the sampler too: while the loop waits for a key, a sample arrives every 10 ms of fake time.
 */
class TopLoopTest {
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    private final FakeClock clock = new FakeClock();
    private final long start = clock.nanoTime();
    private final LiveTable table = new LiveTable(new TopTable(new TraceFilter(false, false),
            pid -> FilenameShortener.keepingFullNames(), new LagMonitor(100, 0)));
    private final StopSignal stop = new StopSignal();
    private final FakeDisplay display = new FakeDisplay();

    private void run(BooleanSupplier samplingEnded) {
        new TopLoop(table, display, clock, SECOND, stop, samplingEnded).run();
    }

    private BooleanSupplier endingAt(long nanosFromStart) {
        return () -> clock.nanoTime() - start >= nanosFromStart;
    }

    @Test
    void refreshesEarlyOnceThenEveryDelayOfWallClockTimeAndOnceMoreAtTheEnd() {
        run(endingAt(3_500 * MS));

        assertThat(display.shown).extracting(Shown::atMillis).containsExactly(0L, 200L, 1_200L, 2_200L, 3_200L,
                3_500L);
        assertThat(display.shown).extracting(shown -> shown.view().windowSamples())
                .containsExactly(0L, 20L, 100L, 100L, 100L, 30L);
        assertThat(display.shown.get(3).view().samples()).isEqualTo(220);
    }

    @Test
    void withoutAnyoneWatchingTheFirstRefreshWaitsAWholeDelay() {
        display.interactive = false;

        run(endingAt(2_500 * MS));

        assertThat(display.shown).extracting(Shown::atMillis).containsExactly(0L, 1_000L, 2_000L, 2_500L);
        assertThat(display.shown.get(1).view().windowSamples()).isEqualTo(100);
    }

    @Test
    void keysRedrawAtOnceWithoutClosingTheInterval() {
        display.keysAt.put(500L, List.of((int) '1', (int) 'L', (int) 'z'));

        run(endingAt(1_000 * MS));

        List<Shown> shown = display.shown;
        assertThat(shown).extracting(Shown::atMillis).containsExactly(0L, 200L, 500L, 500L, 1_000L);
        assertThat(shown.get(2).sort()).isEqualTo(SortColumn.OWN_PERCENT);
        assertThat(shown.get(2).view().byLine()).isFalse();
        assertThat(shown.get(3).view().byLine()).isTrue();
        assertThat(shown.get(3).view().rows()).extracting(row -> row.id().label()).containsExactly("spin (t.py:7)");
        assertThat(shown.get(3).view().windowSamples()).as("still the interval closed at 200 ms").isEqualTo(20);
    }

    @Test
    void resetForgetsTheSamplesSoFar() {
        display.keysAt.put(700L, List.of((int) 'r'));

        run(endingAt(1_000 * MS));

        Shown afterReset = display.shown.get(2);
        assertThat(afterReset.atMillis()).isEqualTo(700);
        assertThat(afterReset.view().samples()).isZero();
        assertThat(afterReset.view().rows()).isEmpty();
        assertThat(display.shown.get(3).view().samples()).as("counted again since the reset").isEqualTo(30);
    }

    @Test
    void qAsksSamplingToStopAndTheLoopEndsWhenItHas() {
        display.keysAt.put(300L, List.of((int) 'q'));

        run(stop::requested);

        assertThat(stop.reason()).contains(StopReason.INTERRUPTED);
        assertThat(display.shown).extracting(Shown::atMillis).containsExactly(0L, 200L, 300L);
    }

    @Test
    void aResizedDisplayIsDrawnAgain() {
        display.resizeAt = 450L;

        run(endingAt(650 * MS));

        assertThat(display.shown).extracting(Shown::atMillis).containsExactly(0L, 200L, 450L, 650L);
    }

    /** What the display was asked to show, and when. */
    private record Shown(long atMillis, TopView view, SortColumn sort) {
    }

    /** A display on the fake clock that delivers keys and a resize at chosen times, and feeds the table. */
    private final class FakeDisplay implements TopDisplay {
        final List<Shown> shown = new ArrayList<>();
        final Map<Long, List<Integer>> keysAt = new HashMap<>();
        final Deque<Integer> pending = new ArrayDeque<>();
        Long resizeAt;
        boolean resized;

        private long millis() {
            return (clock.nanoTime() - start) / MS;
        }

        boolean interactive = true;

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public void show(TopView view, ScreenState state) {
            shown.add(new Shown(millis(), view, state.sort()));
            resized = false;
        }

        @Override
        public int readKey(long timeoutNanos) {
            if (!pending.isEmpty()) {
                return pending.pop();
            }
            for (long waited = 0; waited < timeoutNanos; waited += 10 * MS) {
                clock.advance(10 * MS);
                table.accept(new Sample(clock.nanoTime() - start, List.of(thread(1, 1, "T", 1, true, true,
                        frame("spin", "t.py", 7))), List.of(), 0, 0));
                List<Integer> keys = keysAt.remove(millis());
                if (keys != null) {
                    pending.addAll(keys);
                    return pending.pop();
                }
                if (resizeAt != null && resizeAt == millis()) {
                    resized = true;
                    return NO_KEY;
                }
            }
            return NO_KEY;
        }

        @Override
        public boolean resized() {
            return resized;
        }

        @Override
        public void close() {
        }
    }
}
