// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static dev.pyspy4j.engine.fakes.Traces.frame;
import static dev.pyspy4j.engine.fakes.Traces.thread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pyspy4j.engine.fakes.FakeClock;
import dev.pyspy4j.spi.FailureKind;
import dev.pyspy4j.spi.SpyException;
import dev.pyspy4j.spi.model.StackTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The sampling loop over a fake clock: what it hands on, why it stops, and what it says it achieved. */
class SamplerTest {
    private static final long MS = 1_000_000L;
    private static final StackTrace TRACE = thread(1, 1, "MainThread", 1, true, true, frame("f", "/t.py", 3));

    private final FakeClock clock = new FakeClock();
    private final StopSignal stop = new StopSignal();
    private final List<Sample> received = new ArrayList<>();

    /** A source whose reads cost time, fail at chosen reads, and end after a number of reads. */
    private final class ScriptedSource implements SampleSource {
        private final long readNanos;
        private final int exitAfter;
        private final List<Integer> failing;
        private final IntConsumer beforeRead;
        private int reads;
        private boolean exited;

        ScriptedSource(long readNanos, int exitAfter, List<Integer> failing, IntConsumer beforeRead) {
            this.readNanos = readNanos;
            this.exitAfter = exitAfter;
            this.failing = failing;
            this.beforeRead = beforeRead;
        }

        @Override
        public SourceReading read() {
            int index = reads++;
            beforeRead.accept(index);
            clock.advance(readNanos);
            if (index == exitAfter) {
                exited = true;
                return SourceReading.none();
            }
            if (failing.contains(index)) {
                return new SourceReading(List.of(), List.of(new SampleFailure(1,
                        new SpyException(FailureKind.MEMORY_READ, "torn"))), 0);
            }
            return new SourceReading(List.of(TRACE), List.of(), 1);
        }

        @Override
        public boolean exhausted() {
            return exited;
        }

        @Override
        public void close() {
        }
    }

    private SamplingResult run(int rate, OptionalLong duration, ScriptedSource source) {
        return new Sampler(clock, Intervals.fixed(rate), duration).run(source, received::add, stop);
    }

    @Test
    void samplesAtEveryTickUntilTheDurationEnds() {
        SamplingResult result = run(100, OptionalLong.of(1_000 * MS), new ScriptedSource(0, -1, List.of(), i -> { }));

        assertThat(result.reason()).isEqualTo(StopReason.DURATION);
        assertThat(received).hasSize(99);
        assertThat(received).extracting(Sample::elapsedNanos).startsWith(10 * MS, 20 * MS, 30 * MS);
        assertThat(received.get(0).traces()).containsExactly(TRACE);
        assertThat(result.stats().ticks()).isEqualTo(99);
        assertThat(result.stats().elapsedNanos()).isEqualTo(1_000 * MS);
        assertThat(result.stats().achievedRate()).isCloseTo(99.0, within(1e-9));
    }

    @Test
    void endsWhenTheProcessExitsAndCountsOnlyTheReadsThatWorked() {
        SamplingResult result = run(100, OptionalLong.empty(), new ScriptedSource(0, 5, List.of(), i -> { }));

        assertThat(result.reason()).isEqualTo(StopReason.TARGET_EXITED);
        assertThat(received).hasSize(6);
        assertThat(received.get(5).traces()).isEmpty();
        assertThat(result.stats().ticks()).isEqualTo(5);
    }

    @Test
    void failedReadsAreHandedOnAndCountedButDoNotEndSampling() {
        SamplingResult result = run(100, OptionalLong.of(100 * MS),
                new ScriptedSource(0, -1, List.of(2, 3, 7), i -> { }));

        assertThat(result.reason()).isEqualTo(StopReason.DURATION);
        assertThat(received).hasSize(9);
        assertThat(received.get(2).failures()).singleElement()
                .satisfies(failure -> assertThat(failure.failure().kind()).isEqualTo(FailureKind.MEMORY_READ));
        assertThat(result.stats().failedTicks()).isEqualTo(3);
        assertThat(result.stats().ticks()).isEqualTo(6);
    }

    @Test
    void aStopRequestEndsSamplingWithItsReason() {
        SamplingResult result = run(100, OptionalLong.empty(), new ScriptedSource(0, -1, List.of(), index -> {
            if (index == 3) {
                stop.request(StopReason.INTERRUPTED);
            }
        }));

        assertThat(result.reason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(received).hasSize(4);
    }

    @Test
    void slowReadsLowerTheAchievedRateAndCountTheSkippedTicks() {
        // Each read takes 25 ms at 100 samples/s: a read every 25 ms is the best possible, 40 per second.
        SamplingResult result = run(100, OptionalLong.of(1_000 * MS),
                new ScriptedSource(25 * MS, -1, List.of(), i -> { }));

        assertThat(result.stats().achievedRate()).isCloseTo(40.0, within(1.0));
        // Taken and skipped ticks together account for the 100 intervals of the second, none lost, none twice
        // (give or take the last read, which runs past the end).
        assertThat(result.stats().ticks() + result.stats().missedTicks()).isBetween(99L, 102L);
        assertThat(received).extracting(Sample::missedTicks).contains(1L);
        assertThat(result.stats().maxLateNanos()).isGreaterThan(10 * MS);
    }

    @Test
    void aLongStallIsReportedAsLatenessNotAsABurstOfSamples() {
        SamplingResult result = run(100, OptionalLong.of(2_000 * MS), new ScriptedSource(0, -1, List.of(), index -> {
            if (index == 10) {
                clock.advance(1_500 * MS);
            }
        }));

        Sample afterStall = received.get(11);
        assertThat(afterStall.lateNanos()).isEqualTo(1_500 * MS - 10 * MS);
        assertThat(afterStall.missedTicks()).isEqualTo(149);
        // Later samples are evenly spaced again, not fired back-to-back to catch up.
        assertThat(received.get(12).elapsedNanos() - afterStall.elapsedNanos()).isEqualTo(10 * MS);
        assertThat(result.stats().ticks()).isLessThan(60);
    }
}
