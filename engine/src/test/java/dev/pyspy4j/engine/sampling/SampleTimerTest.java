// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyspy4j.engine.fakes.FakeClock;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When ticks fire, how lateness is reported, and that a stall never turns into a burst. */
class SampleTimerTest {
    private static final long MS = 1_000_000L;

    private final FakeClock clock = new FakeClock();
    private final StopSignal stop = new StopSignal();

    private SampleTimer timer(int rate, OptionalLong duration) {
        SampleTimer timer = new SampleTimer(clock, Intervals.fixed(rate), duration);
        timer.start();
        return timer;
    }

    @Test
    void onTimeTicksFireOneIntervalApartWithoutLateness() {
        SampleTimer timer = timer(100, OptionalLong.empty());

        assertThat(timer.await(stop)).contains(new Tick(10 * MS, 0, 0));
        assertThat(timer.await(stop)).contains(new Tick(20 * MS, 0, 0));
        assertThat(timer.await(stop)).contains(new Tick(30 * MS, 0, 0));
    }

    @Test
    void aSmallSlipKeepsTheScheduleSoTheNextTickMakesUpForIt() {
        SampleTimer timer = timer(100, OptionalLong.empty());
        timer.await(stop);
        clock.advance(14 * MS);

        // Due at 20 ms, now 24 ms: fires at once, 4 ms late, nothing missed.
        assertThat(timer.await(stop)).contains(new Tick(24 * MS, 4 * MS, 0));
        // The schedule was kept: the next tick is due at 30 ms, only 6 ms later.
        assertThat(timer.await(stop)).contains(new Tick(30 * MS, 0, 0));
    }

    @Test
    void aStallCountsTheMissedTicksAndRestartsTheScheduleInsteadOfBursting() {
        SampleTimer timer = timer(100, OptionalLong.empty());
        timer.await(stop);
        clock.advance(1_000 * MS);

        // Due at 20 ms, now 1010 ms: 990 ms late, 99 intervals of 10 ms skipped.
        assertThat(timer.await(stop)).contains(new Tick(1_010 * MS, 990 * MS, 99));
        // No back-to-back catch-up: the next tick is one interval after the late one.
        assertThat(timer.await(stop)).contains(new Tick(1_020 * MS, 0, 0));
        assertThat(timer.await(stop)).contains(new Tick(1_030 * MS, 0, 0));
    }

    @Test
    void samplingSlowerThanTheRateFiresAtOnceAndCountsWhatItSkips() {
        SampleTimer timer = timer(1_000, OptionalLong.empty());
        timer.await(stop);
        clock.advance(5 * MS);

        // Due at 2 ms, now 6 ms: 4 ms late, four 1 ms intervals skipped.
        assertThat(timer.await(stop)).contains(new Tick(6 * MS, 4 * MS, 4));
    }

    @Test
    void endsAtTheDurationAfterWaitingForIt() {
        SampleTimer timer = timer(100, OptionalLong.of(25 * MS));

        assertThat(timer.await(stop)).isPresent();
        assertThat(timer.await(stop)).isPresent();
        assertThat(timer.await(stop)).isEmpty();
        assertThat(clock.nanoTime() - 5_000_000_000L).isEqualTo(25 * MS);
    }

    @Test
    void aDurationCountedFromAnEarlierOriginEndsThatMuchSooner() {
        long launched = clock.nanoTime();
        clock.advance(12 * MS);
        SampleTimer timer = new SampleTimer(clock, Intervals.fixed(100), OptionalLong.of(35 * MS),
                OptionalLong.of(launched));
        long start = timer.start();

        // Ends 35 ms after the origin, 23 ms after the start: ticks at 10 and 20 ms of sampling, no third.
        assertThat(timer.await(stop)).contains(new Tick(10 * MS, 0, 0));
        assertThat(timer.await(stop)).contains(new Tick(20 * MS, 0, 0));
        assertThat(timer.await(stop)).isEmpty();
        assertThat(clock.nanoTime() - start).isEqualTo(23 * MS);
    }

    @Test
    void oneTickFiresEvenWhenTheDurationWasOverBeforeSamplingStarted() {
        long launched = clock.nanoTime();
        clock.advance(2_000 * MS);
        SampleTimer timer = new SampleTimer(clock, Intervals.fixed(100), OptionalLong.of(1_000 * MS),
                OptionalLong.of(launched));
        timer.start();

        assertThat(timer.await(stop)).contains(new Tick(10 * MS, 0, 0));
        assertThat(timer.await(stop)).isEmpty();
    }

    @Test
    void aStopRequestedBeforeTheTickEndsTheWait() {
        SampleTimer timer = timer(100, OptionalLong.empty());
        stop.request(StopReason.INTERRUPTED);

        Optional<Tick> tick = timer.await(stop);

        assertThat(tick).isEmpty();
        assertThat(clock.nanoTime()).as("did not sleep through to the tick").isEqualTo(5_000_000_000L);
    }
}
