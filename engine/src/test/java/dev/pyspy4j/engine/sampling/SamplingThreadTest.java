// SPDX-License-Identifier: MIT
// Copyright (c) 2026 the pyspy4j authors
package dev.pyspy4j.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyspy4j.engine.fakes.FakeClock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A sampler run on a thread of its own: its result, its failures, and stopping it. */
class SamplingThreadTest {
    private final List<Long> consumed = new ArrayList<>();

    private static SampleSource source(Runnable onRead) {
        return new SampleSource() {
            @Override
            public SourceReading read() {
                onRead.run();
                return new SourceReading(List.of(), List.of(), 1);
            }

            @Override
            public boolean exhausted() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }

    private static Sampler sampler(long durationNanos) {
        return new Sampler(new FakeClock(), Intervals.fixed(100), OptionalLong.of(durationNanos));
    }

    @Test
    void awaitReturnsHowTheRunEnded() {
        SamplingThread sampling = SamplingThread.start(sampler(1_000_000_000L), source(() -> { }),
                sample -> consumed.add(sample.elapsedNanos()), new StopSignal());

        SamplingResult result = sampling.await();

        assertThat(result.reason()).isEqualTo(StopReason.DURATION);
        assertThat(sampling.ended()).isTrue();
        assertThat(consumed).hasSize(99);
    }

    @Test
    void aStopRequestEndsARunWithoutEnd() {
        StopSignal stop = new StopSignal();
        SamplingThread sampling = SamplingThread.start(new Sampler(Clock.system(), Intervals.fixed(1_000),
                OptionalLong.empty()), source(() -> { }), sample -> { }, stop);

        stop.request(StopReason.TERMINATED);

        assertThat(sampling.await().reason()).isEqualTo(StopReason.TERMINATED);
    }

    @Test
    void aFailureOfTheRunIsRethrownToWhoeverAwaitsIt() {
        IllegalStateException bug = new IllegalStateException("consumer bug");
        SamplingThread failing = SamplingThread.start(sampler(1_000_000_000L), source(() -> { }), sample -> {
            throw bug;
        }, new StopSignal());
        SamplingThread erring = SamplingThread.start(sampler(1_000_000_000L), source(() -> {
            throw new StackOverflowError("deep");
        }), sample -> { }, new StopSignal());

        assertThatThrownBy(failing::await).isSameAs(bug);
        assertThatThrownBy(erring::await).isInstanceOf(StackOverflowError.class).hasMessage("deep");
    }
}
